using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Invitations;

/// <summary>§5b: bulk invitations for a level and scope, as an A4 sheet or a ZIP of PNGs.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class BulkInvitationsTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Url = "/Invitations/Bulk";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<int> KqvGroupsOfKzaz1Async() => portal.WithDbAsync(db => db.Groups.CountAsync(g =>
        g.Level == AdministrationLevel.Kqv && g.ScopeKind == ScopeKind.Unit
        && db.VotingCentres.Any(v => v.Id == g.ScopeTargetId && db.Kzazs.Any(k => k.Id == v.KzazId && k.Number == 1))));

    private static IEnumerable<KeyValuePair<string, string>> Fields(string level, string? kzaz, string? expires = null, string maxUses = "40") =>
    [
        new("Input.Level", level), new("Input.KzazNumber", kzaz ?? string.Empty),
        new("Input.ExpiresOn", expires ?? InvitationScenario.Tomorrow), new("Input.MaxUses", maxUses),
    ];

    [Fact]
    public async Task Count_shows_how_many_groups_the_choice_selects_and_changes_nothing()
    {
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var expected = await KqvGroupsOfKzaz1Async();

        var response = await clerk.PostFormAsync(Url, Fields("Kqv", "1"), Url + "?handler=Count");

        Assert.Contains($"data-bulk-count=\"{expected}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await InvitationScenario.CountAsync(portal));
    }

    [Fact]
    public async Task Sheet_for_the_kqv_groups_of_one_kzaz_has_one_card_and_invitation_per_group()
    {
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var expected = await KqvGroupsOfKzaz1Async();
        Assert.True(expected > 1);

        var response = await clerk.PostFormAsync(Url, Fields("Kqv", "1"), Url + "?handler=Sheet");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Regex.Matches(html, "data-testid=\"sheet-card\"").Count);
        Assert.Contains("Skanoni kodin me kamerën e telefonit", html, StringComparison.Ordinal);
        Assert.Equal(expected, await InvitationScenario.CountAsync(portal));

        // Each card's code image decodes to a link that opens the public page of its group.
        var first = WebUtility.HtmlDecode(DataUri().Match(html).Groups[1].Value);
        var link = QrDecoding.Decode(Convert.FromBase64String(first));
        Assert.StartsWith("https://localhost/ftese/", link, StringComparison.Ordinal);
        using var member = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri(link!).AbsolutePath)).StatusCode);
    }

    [Fact]
    public async Task Zip_for_all_gnv_groups_nationally_has_one_decodable_png_per_group()
    {
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var expected = await portal.WithDbAsync(db => db.Groups.CountAsync(g => g.Level == AdministrationLevel.Gnv
            && db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.DirectorateId == db.Directorates.Where(d => d.Code == "DAZ").Select(d => d.Id).First())));

        var response = await clerk.PostFormAsync(Url, Fields("Gnv", null), Url + "?handler=Zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(expected, zip.Entries.Count);
        Assert.All(zip.Entries, e => Assert.EndsWith(".png", e.Name, StringComparison.Ordinal));
        await using var entry = zip.Entries[0].Open();
        using var buffer = new MemoryStream();
        await entry.CopyToAsync(buffer);
        Assert.StartsWith("https://localhost/ftese/", QrDecoding.Decode(buffer.ToArray()), StringComparison.Ordinal);
        Assert.Equal(expected, await InvitationScenario.CountAsync(portal));
    }

    [Theory]
    [InlineData("2020-01-01", "40", "Data e skadimit duhet të jetë në të ardhmen.")]
    [InlineData(null, "0", "Numri maksimal i përdorimeve duhet të jetë të paktën 1.")]
    public async Task Bad_bulk_input_is_refused_and_nothing_is_created(string? expires, string maxUses, string message)
    {
        using var clerk = await InvitationScenario.ClerkAsync(portal);

        var response = await clerk.PostFormAsync(Url, Fields("Kqv", "1", expires, maxUses), Url + "?handler=Zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await InvitationScenario.CountAsync(portal));
    }

    [Fact]
    public async Task A_scope_without_groups_gets_a_clear_message()
    {
        using var clerk = await InvitationScenario.ClerkAsync(portal);

        var response = await clerk.PostFormAsync(Url, Fields("Kqv", "999"), Url + "?handler=Sheet");

        Assert.Contains("Asnjë grup aktiv me lidhje anëtarësimi nuk përputhet me zgjedhjen.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await InvitationScenario.CountAsync(portal));
    }

    [Fact]
    public async Task Director_may_not_print_bulk_invitations()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);

        var response = await director.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [GeneratedRegex("src=\"data:image/png;base64,([^\"]+)\"")]
    private static partial Regex DataUri();
}
