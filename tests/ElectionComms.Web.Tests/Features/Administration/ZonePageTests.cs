using System.Globalization;
using System.Net;
using ElectionComms.Domain.Administration;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Administration;

/// <summary>/Administration/Kzaz/{id}: one zone's voting centres, counting centre with its GNV, technical teams.</summary>
[Collection(PortalCollection.Name)]
public sealed class ZonePageTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Zone_page_lists_its_own_voting_centre_numbers_in_order_and_no_others()
    {
        var (zoneId, numbers) = await ZoneAsync(1);
        var (_, otherNumbers) = await ZoneAsync(2);
        using var client = await SignedInAsync();

        var html = await client.GetHtmlAsync($"/Administration/Kzaz/{zoneId}");

        Assert.Contains("<h1 class=\"h3 mb-0\">KZAZ 1 – Berat</h1>", html, StringComparison.Ordinal);
        Assert.Equal(numbers, HtmlTable.FirstColumn(html, "voting-centres"));
        Assert.DoesNotContain(HtmlTable.FirstColumn(html, "voting-centres"), otherNumbers.Contains);
        Assert.Equal(numbers.Count.ToString("N0", CultureInfo.InvariantCulture), ZoneFact(html, "zone-kqv-count"));
        Assert.Contains("<caption>Qendrat e votimit të KZAZ 1</caption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zone_page_shows_its_counting_centre_with_each_counting_group_and_its_technical_team()
    {
        var (zoneId, _) = await ZoneAsync(1);
        var groups = await portal.WithDbAsync(db => db.CountingGroups.Where(g => g.KzazId == zoneId).OrderBy(g => g.Number).Select(g => g.Number).ToListAsync());
        using var client = await SignedInAsync();

        var html = await client.GetHtmlAsync($"/Administration/Kzaz/{zoneId}");

        var centre = Assert.Single(HtmlTable.Rows(html, "counting-centres"));
        Assert.Equal("Qendra e Numërimit KZAZ 1", centre[0]);
        Assert.Equal(groups.Count.ToString(CultureInfo.InvariantCulture), centre[1]);
        Assert.Equal(string.Join(", ", groups.Select(g => $"GNV {g}")), centre[2]);
        Assert.Equal(groups.Count.ToString(CultureInfo.InvariantCulture), ZoneFact(html, "zone-gnv-count"));
        Assert.Equal(["Stafi teknik KZAZ 1"], HtmlTable.FirstColumn(html, "technical-teams"));
    }

    [Fact]
    public async Task Search_by_the_start_of_a_number_finds_that_centre_and_its_sub_centres()
    {
        var zoneId = await AddCentresAsync(1, ("0700", "Shkolla \"Naim Frashëri\""), ("0700/1", "Kopshti \"Drita\""), ("0701", "Pallati i Kulturës"));
        using var client = await SignedInAsync();

        var html = await client.GetHtmlAsync($"/Administration/Kzaz/{zoneId}?search=0700");

        Assert.Equal(["0700", "0700/1"], HtmlTable.FirstColumn(html, "voting-centres"));
    }

    [Fact]
    public async Task Search_by_location_ignores_case_of_Albanian_letters()
    {
        var zoneId = await AddCentresAsync(1, ("0700", "Shkolla \"Naim Frashëri\""), ("0701", "Qendra Shëndetësore \"Çlirimi\""));
        using var client = await SignedInAsync();

        var html = await client.GetHtmlAsync($"/Administration/Kzaz/{zoneId}?search=" + Uri.EscapeDataString("FRASHËRI"));
        var cedilla = await client.GetHtmlAsync($"/Administration/Kzaz/{zoneId}?search=" + Uri.EscapeDataString("çlirimi"));

        Assert.Equal(["0700"], HtmlTable.FirstColumn(html, "voting-centres"));
        Assert.Equal(["0701"], HtmlTable.FirstColumn(cedilla, "voting-centres"));
    }

    [Fact]
    public async Task Search_treats_percent_and_underscore_as_plain_characters()
    {
        var (zoneId, _) = await ZoneAsync(1);
        using var client = await SignedInAsync();

        var percent = await client.GetHtmlAsync($"/Administration/Kzaz/{zoneId}?search=%25");
        var underscore = await client.GetHtmlAsync($"/Administration/Kzaz/{zoneId}?search=_");

        Assert.True(HtmlTable.Exists(percent, "no-centres"));
        Assert.True(HtmlTable.Exists(underscore, "no-centres"));
    }

    [Fact]
    public async Task Long_lists_are_paged_by_50_and_the_print_view_has_every_centre()
    {
        var extra = Enumerable.Range(800, 60).Select(n => (n.ToString("0000", CultureInfo.InvariantCulture), $"Shkolla nr. {n}")).ToArray();
        var zoneId = await AddCentresAsync(1, extra);
        var (_, numbers) = await ZoneAsync(1);
        using var client = await SignedInAsync();

        var first = await client.GetHtmlAsync($"/Administration/Kzaz/{zoneId}");
        var second = await client.GetHtmlAsync($"/Administration/Kzaz/{zoneId}?pageNumber=2");
        var print = await client.GetHtmlAsync($"/Administration/Kzaz/{zoneId}?print=true&pageNumber=2&search=0800");

        Assert.Equal(numbers.Take(50), HtmlTable.FirstColumn(first, "voting-centres"));
        Assert.Equal(numbers.Skip(50), HtmlTable.FirstColumn(second, "voting-centres"));
        Assert.Contains($"Faqja 2 nga 2 ({numbers.Count} gjithsej)", second, StringComparison.Ordinal);
        Assert.Equal(numbers, HtmlTable.FirstColumn(print, "voting-centres"));
        Assert.DoesNotContain("name=\"search\"", print, StringComparison.Ordinal);
        Assert.Contains("data-print", print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_links_keep_the_search()
    {
        var extra = Enumerable.Range(800, 60).Select(n => (n.ToString("0000", CultureInfo.InvariantCulture), $"Shkolla nr. {n}")).ToArray();
        var zoneId = await AddCentresAsync(1, extra);
        using var client = await SignedInAsync();

        var html = await client.GetHtmlAsync($"/Administration/Kzaz/{zoneId}?search=Shkolla%20nr");

        Assert.Contains($"/Administration/Kzaz/{zoneId}?search=Shkolla%20nr&amp;pageNumber=2", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_zone_is_not_found()
    {
        using var client = await SignedInAsync();

        var response = await client.GetAsync("/Administration/Kzaz/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Zone_page_in_English_uses_English_headings()
    {
        var (zoneId, _) = await ZoneAsync(1);
        using var client = await SignedInAsync();

        var html = await client.GetHtmlAsync($"/Administration/Kzaz/{zoneId}?culture=en-GB&ui-culture=en-GB");

        Assert.Contains("<caption>Voting centres of KZAZ 1</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Location</th>", html, StringComparison.Ordinal);
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.HelplineOperator);
        return client;
    }

    private Task<(int Id, List<string> Numbers)> ZoneAsync(int number) => portal.WithDbAsync(async db =>
    {
        var id = await db.Kzazs.Where(k => k.ElectionId == portal.ElectionId && k.Number == number).Select(k => k.Id).SingleAsync();
        var numbers = await db.VotingCentres.Where(v => v.KzazId == id).Select(v => v.Number).ToListAsync();
        return (id, numbers.Order(StringComparer.Ordinal).ToList());
    });

    private Task<int> AddCentresAsync(int zoneNumber, params (string Number, string Location)[] centres) => portal.WithDbAsync(async db =>
    {
        var zone = await db.Kzazs.SingleAsync(k => k.ElectionId == portal.ElectionId && k.Number == zoneNumber);
        db.VotingCentres.AddRange(centres.Select(c => VotingCentre.Create(zone, VotingCentreNumber.Parse(c.Number), c.Location)));
        await db.SaveChangesAsync();
        return zone.Id;
    });

    private static string ZoneFact(string html, string testId)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"data-testid=\"{testId}\">([^<]*)<");
        Assert.True(match.Success, $"The page has no '{testId}'");
        return match.Groups[1].Value;
    }
}
