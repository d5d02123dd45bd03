using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Invitations;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Group = ElectionComms.Domain.Channels.Group;

namespace ElectionComms.Web.Tests.Pages.Invitations;

/// <summary>
/// §5b: the A4 sheet renders whatever the number of groups (a KZAZ has a few hundred KQV), and its invitations exist
/// only once the whole sheet has been produced.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class BulkSheetSizeTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Url = "/Invitations/Bulk";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(24)]
    [InlineData(25)]
    [InlineData(300)]
    public async Task Sheet_of_many_kqv_groups_of_one_kzaz_renders_every_card(int groups)
    {
        await BulkGroups.GrowKqvOfKzazAsync(portal, kzazNumber: 1, total: groups);
        using var clerk = await InvitationScenario.ClerkAsync(portal);

        var response = await clerk.PostFormAsync(Url, BulkGroups.Fields("Kqv", "1"), Url + "?handler=Sheet");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(groups, SheetCard().Matches(html).Count);
        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(groups, await InvitationScenario.CountAsync(portal));
    }

    [Fact]
    public async Task Sheet_of_all_kqv_of_one_kzaz_of_the_seed_renders_every_card()
    {
        var kzaz = await portal.WithDbAsync(db => db.Kzazs.Where(k => k.ElectionId == portal.ElectionId).OrderBy(k => k.Number).Select(k => k.Number).LastAsync());
        var expected = await BulkGroups.KqvCountAsync(portal, kzaz);
        Assert.True(expected > 1);
        using var clerk = await InvitationScenario.ClerkAsync(portal);

        var response = await clerk.PostFormAsync(Url, BulkGroups.Fields("Kqv", kzaz.ToString(CultureInfo.InvariantCulture)), Url + "?handler=Sheet");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, SheetCard().Matches(await response.Content.ReadAsStringAsync()).Count);
        Assert.Equal(expected, await InvitationScenario.CountAsync(portal));
    }

    [Theory]
    [InlineData("Sheet")]
    [InlineData("Zip")]
    public async Task A_failure_midway_through_the_sheet_or_zip_leaves_no_new_invitation(string handler)
    {
        await BulkGroups.GrowKqvOfKzazAsync(portal, kzazNumber: 1, total: 60);
        await using var failing = portal.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<InvitationImages>(provider => new ImagesFailingAt(40, provider.GetRequiredService<InvitationLinks>()))));
        using var clerk = new PortalClient(failing.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        }));
        await clerk.SignInAsync(DemoAccounts.Clerk);

        var response = await clerk.PostFormAsync(Url, BulkGroups.Fields("Kqv", "1"), Url + "?handler=" + handler);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("sheet-card", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await InvitationScenario.CountAsync(portal));
    }

    [Fact]
    public async Task A_sheet_larger_than_the_limit_is_refused_with_a_clear_message_and_nothing_is_created()
    {
        await BulkGroups.GrowKqvOfKzazAsync(portal, kzazNumber: 1, total: InvitationBatch.SheetMaxCards + 1);
        using var clerk = await InvitationScenario.ClerkAsync(portal);

        var response = await clerk.PostFormAsync(Url, BulkGroups.Fields("Kqv", "1"), Url + "?handler=Sheet");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Një fletë printimi mban deri në", html, StringComparison.Ordinal);
        Assert.Contains("Zgjidhni një KZAZ ose shkarkoni ZIP-in. Nuk u krijua asnjë ftesë.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("sheet-card", html, StringComparison.Ordinal);
        Assert.Equal(0, await InvitationScenario.CountAsync(portal));
    }

    [GeneratedRegex("data-testid=\"sheet-card\"")]
    private static partial Regex SheetCard();
}

/// <summary>Makes the card images as the portal does, but fails at the given card: a failure midway.</summary>
internal sealed class ImagesFailingAt(int failingCard, InvitationLinks links) : InvitationImages(links)
{
    private int cards;

    public override string ScreenDataUri(string code, string caption) => ++cards == failingCard ? throw new IOException("Card failed") : base.ScreenDataUri(code, caption);

    public override byte[] PrintPng(string code, string caption) => ++cards == failingCard ? throw new IOException("Card failed") : base.PrintPng(code, caption);
}

/// <summary>More KQV groups for a KZAZ than the small seed has, made the way the seed makes them.</summary>
public static class BulkGroups
{
    public static IEnumerable<KeyValuePair<string, string>> Fields(string level, string? kzaz) =>
    [
        new("Input.Level", level), new("Input.KzazNumber", kzaz ?? string.Empty),
        new("Input.ExpiresOn", InvitationScenario.Tomorrow), new("Input.MaxUses", "40"),
    ];

    public static Task<int> KqvCountAsync(PortalFactory portal, int kzazNumber) => portal.WithDbAsync(db => db.Groups.CountAsync(g =>
        g.Level == AdministrationLevel.Kqv && g.ScopeKind == ScopeKind.Unit && g.Status == GroupStatus.Active && g.JoinLink != null
        && db.VotingCentres.Any(v => v.Id == g.ScopeTargetId && db.Kzazs.Any(k => k.Id == v.KzazId && k.Number == kzazNumber))));

    /// <summary>Adds WhatsApp KQV groups beside the seeded ones of the KZAZ until it has <paramref name="total"/>.</summary>
    public static async Task GrowKqvOfKzazAsync(PortalFactory portal, int kzazNumber, int total)
    {
        var existing = await KqvCountAsync(portal, kzazNumber);
        Assert.True(existing <= total, $"KZAZ {kzazNumber} already has {existing} KQV groups");
        await portal.WithDbAsync(async db =>
        {
            var model = await db.Groups.Where(g => g.Level == AdministrationLevel.Kqv && g.ScopeKind == ScopeKind.Unit && g.JoinLink != null
                && db.VotingCentres.Any(v => v.Id == g.ScopeTargetId && db.Kzazs.Any(k => k.Id == v.KzazId && k.Number == kzazNumber))).OrderBy(g => g.Id).FirstAsync();
            var account = await db.OfficialAccounts.SingleAsync(a => a.Id == model.AccountId);
            var administrator = await db.Staff.SingleAsync(s => s.Id == model.AdministratorId);
            for (var n = existing + 1; n <= total; n++)
            {
                var link = "https://chat.whatsapp.com/Test" + n.ToString("D18", CultureInfo.InvariantCulture);
                var group = Group.Create(account, model.ElectionId, GroupKind.Group, $"KQV shtesë {n:000} – KZAZ {kzazNumber}", AdministrationLevel.Kqv,
                    model.Scope, link, administrator, isTestGroup: false, DateTimeOffset.UtcNow);
                group.SetJoinLink(link, usesJoinRequests: false, botStartLink: null);
                db.Groups.Add(group);
            }

            return await db.SaveChangesAsync();
        });
        Assert.Equal(total, await KqvCountAsync(portal, kzazNumber));
    }
}
