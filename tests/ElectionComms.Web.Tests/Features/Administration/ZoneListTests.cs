using System.Globalization;
using System.Net;
using ElectionComms.Domain.Administration;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Administration;

/// <summary>/Administration: the elections, and the KZAZ of one of them with filters, sort and paging.</summary>
[Collection(PortalCollection.Name)]
public sealed class ZoneListTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Clerk_sees_both_elections_and_the_active_ones_zones_with_their_counts()
    {
        using var client = await SignedInAsync();

        var html = await client.GetHtmlAsync("/Administration");

        var elections = HtmlTable.Rows(html, "elections");
        Assert.Equal(2, elections.Count);
        Assert.StartsWith("Zgjedhjet për Organet e Qeverisjes Vendore 2027", elections[0][0], StringComparison.Ordinal);
        Assert.Equal("Vendore", elections[0][1]);
        Assert.Equal("Aktive", elections[0][3]);
        Assert.Equal("–", elections[0][4]);
        Assert.Equal(["Zgjedhjet për Kuvendin 2025", "Parlamentare"], elections[1][..2]);
        Assert.Equal("E planifikuar", elections[1][3]);

        var expected = await portal.WithDbAsync(db => db.Kzazs.Where(k => k.ElectionId == portal.ElectionId).OrderBy(k => k.Number)
            .Select(k => new
            {
                k.Number,
                Kqv = db.VotingCentres.Count(v => v.KzazId == k.Id),
                Gnv = db.CountingGroups.Count(g => g.KzazId == k.Id),
                Teams = db.TechnicalTeams.Count(t => t.KzazId == k.Id),
            }).ToListAsync());
        var zones = HtmlTable.Rows(html, "zones");
        Assert.Equal(DemoScale.Small.Zones, zones.Count);
        Assert.Equal(
            expected.Select(e => new[] { $"KZAZ {e.Number}", e.Kqv.ToString(CultureInfo.InvariantCulture), e.Gnv.ToString(CultureInfo.InvariantCulture), e.Teams.ToString(CultureInfo.InvariantCulture) }),
            zones.Select(z => new[] { z[0], z[4], z[5], z[6] }));
        Assert.Equal(["KZAZ 1", "Berat", "Berat", "Bashkia Berat"], zones[0][..4]);
        Assert.Contains("Faqja 1 nga 1 (3 gjithsej)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Election_day_is_written_in_the_users_culture()
    {
        using var client = await SignedInAsync();
        var day = new DateOnly(2027, 5, 16);

        var albanian = await client.GetHtmlAsync("/Administration");
        var english = await client.GetHtmlAsync("/Administration?culture=en-GB&ui-culture=en-GB");

        Assert.Contains(day.ToString("d", new CultureInfo("sq-AL")), HtmlTable.Rows(albanian, "elections")[0][2], StringComparison.Ordinal);
        Assert.Equal("16/05/2027", HtmlTable.Rows(english, "elections")[0][2]);
        Assert.Contains("Local", HtmlTable.Rows(english, "elections")[0][1], StringComparison.Ordinal);
        Assert.Contains("Zone commissions for:", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_by_qark_keeps_only_the_zones_in_that_qark()
    {
        using var client = await SignedInAsync();
        var dibra = await portal.WithDbAsync(db => db.Qarqe.Where(q => q.Name == "Dibër").Select(q => q.Id).SingleAsync());

        var html = await client.GetHtmlAsync($"/Administration?qarkId={dibra}");

        var zones = HtmlTable.Rows(html, "zones");
        var zone = Assert.Single(zones);
        Assert.Equal(["KZAZ 2", "Dibër", "Dibër"], zone[..3]);
    }

    [Fact]
    public async Task Filter_by_municipality_keeps_only_its_zones_and_offers_only_municipalities_with_zones()
    {
        using var client = await SignedInAsync();
        var durres = await portal.WithDbAsync(db => db.Municipalities.Where(m => m.Name == "Durrës").Select(m => m.Id).SingleAsync());

        var html = await client.GetHtmlAsync($"/Administration?municipalityId={durres}");

        Assert.Equal("KZAZ 3", Assert.Single(HtmlTable.FirstColumn(html, "zones")));
        Assert.Contains($"<option value=\"{durres}\" selected=\"selected\">Durrës</option>", html, StringComparison.Ordinal);
        Assert.Contains(">Berat</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Kamëz</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_by_number_finds_that_zone()
    {
        using var client = await SignedInAsync();

        var html = await client.GetHtmlAsync("/Administration?number=2");

        Assert.Equal("KZAZ 2", Assert.Single(HtmlTable.FirstColumn(html, "zones")));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("93")]
    [InlineData("-1")]
    public async Task Search_by_something_that_is_no_zone_number_explains_the_range_and_keeps_the_list(string typed)
    {
        using var client = await SignedInAsync();

        var html = await client.GetHtmlAsync("/Administration?number=" + Uri.EscapeDataString(typed));

        Assert.Contains("Numri i KZAZ-së është një numër nga 1 deri në 92.", html, StringComparison.Ordinal);
        Assert.Equal(DemoScale.Small.Zones, HtmlTable.Rows(html, "zones").Count);
    }

    [Fact]
    public async Task Filters_that_match_nothing_say_so()
    {
        using var client = await SignedInAsync();
        var tirana = await portal.WithDbAsync(db => db.Qarqe.Where(q => q.Name == "Tiranë").Select(q => q.Id).SingleAsync());

        var html = await client.GetHtmlAsync($"/Administration?qarkId={tirana}");

        Assert.True(HtmlTable.Exists(html, "no-zones"));
        Assert.False(HtmlTable.Exists(html, "zones"));
    }

    [Fact]
    public async Task Choosing_the_planned_election_shows_its_own_zones()
    {
        using var client = await SignedInAsync();
        var planned = await portal.WithDbAsync(db => db.Elections.Where(e => e.State == ElectionState.Planned).Select(e => e.Id).SingleAsync());

        var html = await client.GetHtmlAsync($"/Administration?electionId={planned}");

        Assert.Equal("Zgjedhjet për Kuvendin 2025 e zgjedhur", HtmlTable.Rows(html, "elections")[1][0]);
        Assert.Contains("Komisione zonale (KZAZ) – Zgjedhjet për Kuvendin 2025</h2>", html, StringComparison.Ordinal);
        Assert.True(HtmlTable.Exists(html, "no-zones"));
    }

    [Fact]
    public async Task Unknown_election_is_not_found()
    {
        using var client = await SignedInAsync();

        var response = await client.GetAsync("/Administration?electionId=999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Long_lists_are_paged_in_pages_of_25_and_keep_the_filters_on_the_page_links()
    {
        await AddZonesAsync(count: 30, municipality: "Tiranë");
        using var client = await SignedInAsync();
        var tirana = await portal.WithDbAsync(db => db.Qarqe.Where(q => q.Name == "Tiranë").Select(q => q.Id).SingleAsync());

        var first = await client.GetHtmlAsync("/Administration");
        var second = await client.GetHtmlAsync("/Administration?pageNumber=2");
        var beyond = await client.GetHtmlAsync("/Administration?pageNumber=99");
        var filtered = await client.GetHtmlAsync($"/Administration?qarkId={tirana}");

        Assert.Equal(Enumerable.Range(1, 25).Select(n => $"KZAZ {n}"), HtmlTable.FirstColumn(first, "zones"));
        Assert.Contains("Faqja 1 nga 2 (33 gjithsej)", first, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(26, 8).Select(n => $"KZAZ {n}"), HtmlTable.FirstColumn(second, "zones"));
        Assert.Equal(HtmlTable.FirstColumn(second, "zones"), HtmlTable.FirstColumn(beyond, "zones"));
        Assert.Contains("Faqja 1 nga 2 (30 gjithsej)", filtered, StringComparison.Ordinal);
        Assert.Contains($"qarkId={tirana}&amp;pageNumber=2", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sorting_by_voting_centres_descending_puts_the_largest_zone_first()
    {
        await AddZonesAsync(count: 2, municipality: "Vlorë", votingCentres: 20);
        using var client = await SignedInAsync();

        var html = await client.GetHtmlAsync("/Administration?sort=-kqv");

        var counts = HtmlTable.Rows(html, "zones").Select(z => int.Parse(z[4], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.Equal(["KZAZ 4", "KZAZ 5"], HtmlTable.FirstColumn(html, "zones").Take(2));
        Assert.Contains("aria-sort=\"descending\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sorting_by_municipality_orders_the_names()
    {
        using var client = await SignedInAsync();

        var ascending = await client.GetHtmlAsync("/Administration?sort=municipality");
        var descending = await client.GetHtmlAsync("/Administration?sort=-municipality");

        Assert.Equal(["Berat", "Dibër", "Durrës"], HtmlTable.Rows(ascending, "zones").Select(z => z[1]));
        Assert.Equal(["Durrës", "Dibër", "Berat"], HtmlTable.Rows(descending, "zones").Select(z => z[1]));
    }

    [Fact]
    public async Task Unknown_sort_falls_back_to_the_zone_number()
    {
        using var client = await SignedInAsync();

        var html = await client.GetHtmlAsync("/Administration?sort=seat;drop");

        Assert.Equal(["KZAZ 1", "KZAZ 2", "KZAZ 3"], HtmlTable.FirstColumn(html, "zones"));
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.Clerk);
        return client;
    }

    /// <summary>Adds zones after the seeded ones (numbers 4, 5, …), each with the given number of voting centres.</summary>
    private Task AddZonesAsync(int count, string municipality, int votingCentres = 1) => portal.WithDbAsync<int>(async db =>
    {
        var municipalityId = await db.Municipalities.Where(m => m.Name == municipality).Select(m => m.Id).SingleAsync();
        var next = await db.Kzazs.Where(k => k.ElectionId == portal.ElectionId).MaxAsync(k => k.Number) + 1;
        var zones = Enumerable.Range(next, count).Select(n => Kzaz.Create(portal.ElectionId, n, municipalityId, $"Bashkia {municipality}")).ToList();
        db.Kzazs.AddRange(zones);
        await db.SaveChangesAsync();
        var centre = 9000;
        foreach (var zone in zones)
        {
            for (var i = 0; i < votingCentres; i++)
            {
                db.VotingCentres.Add(VotingCentre.Create(zone, VotingCentreNumber.Parse((centre++).ToString(CultureInfo.InvariantCulture)), "Shkolla \"Çajupi\""));
            }
        }

        return await db.SaveChangesAsync();
    });
}
