using System.Text.RegularExpressions;
using ElectionComms.Browser.Tests.Infrastructure;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Invitations;
using ElectionComms.Web.Tests.Features.Registry;
using Microsoft.Playwright;

namespace ElectionComms.Browser.Tests.Journeys;

/// <summary>
/// §5b, §5c: a clerk creates an invitation and downloads its QR code; an eligible member opens the link and gets
/// the platform's join link; an ineligible number is refused; once revoked, the link says it is no longer valid.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClerkInvitesMembersTests(BrowserPortal portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Clerk_creates_an_invitation_a_member_joins_an_outsider_is_refused_and_the_revoked_link_is_dead()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        var clerk = await portal.NewPageAsync();
        await clerk.GotoAsync("/Account/Login");
        await clerk.GetByLabel("Adresa e e-mailit").FillAsync(DemoAccounts.Clerk.Email);
        await clerk.GetByLabel("Fjalëkalimi").FillAsync(DemoAccounts.Password);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Hyr", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk).Not.ToHaveURLAsync(new Regex("/Account/Login"));

        await clerk.GotoAsync($"/Channels/Groups/Details/{scenario.GroupId}");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Ftesat", Exact = true }).Last.ClickAsync();
        await clerk.GetByLabel("Shënim").FillAsync("Trajnimi i KQV-ve, 30 nëntor");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Krijo ftesën" }).ClickAsync();
        await Assertions.Expect(clerk.GetByText("Ftesa u krijua.")).ToBeVisibleAsync();
        var url = await clerk.GetByTestId("invitation-url").InputValueAsync();
        Assert.Matches("/ftese/[A-Za-z0-9_-]{22}$", url);
        await Screenshots.SaveAsync(clerk, "invitation-created");

        var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.GetByRole(AriaRole.Button, new() { Name = "Shkarko PNG (ekran)" }).ClickAsync());
        var png = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(url, QrDecoding.Decode(png));

        var member = await portal.NewPageAsync();
        await member.GotoAsync(url);
        await member.GetByLabel("Numri i telefonit").FillAsync("069 111 0001");
        await member.GetByRole(AriaRole.Button, new() { Name = "Kontrollo numrin" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("granted")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByTestId("join-link")).ToHaveAttributeAsync("href", new Regex("^https://chat\\.whatsapp\\.com/"));
        await Screenshots.SaveAsync(member, "invitation-public-granted");

        var outsider = await portal.NewPageAsync();
        await outsider.GotoAsync(url);
        await outsider.GetByLabel("Numri i telefonit").FillAsync(ReconciliationScenario.OtherZonePhone);
        await outsider.GetByRole(AriaRole.Button, new() { Name = "Kontrollo numrin" }).ClickAsync();
        await Assertions.Expect(outsider.GetByTestId("refused")).ToBeVisibleAsync();
        await Assertions.Expect(outsider.GetByTestId("join-link")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(outsider, "invitation-public-refused");

        await clerk.GetByRole(AriaRole.Link, new() { Name = "Te ftesat e grupit" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Revoko" }).ClickAsync();
        await Assertions.Expect(clerk.GetByText("Ftesa u revokua.")).ToBeVisibleAsync();
        await Assertions.Expect(clerk.GetByTestId("status").First).ToHaveTextAsync("E revokuar");
        await Screenshots.SaveAsync(clerk, "invitation-group-list");

        var late = await portal.NewPageAsync();
        var response = await late.GotoAsync(url);
        Assert.Equal(410, response!.Status);
        await Assertions.Expect(late.GetByTestId("invitation-gone")).ToHaveTextAsync("Ftesa nuk është më e vlefshme");
        await Screenshots.SaveAsync(late, "invitation-public-revoked");
    }

    [Fact]
    public async Task Clerk_counts_the_kqv_groups_of_a_kzaz_and_opens_their_print_sheet()
    {
        var clerk = await portal.NewPageAsync();
        await clerk.GotoAsync("/Account/Login");
        await clerk.GetByLabel("Adresa e e-mailit").FillAsync(DemoAccounts.Clerk.Email);
        await clerk.GetByLabel("Fjalëkalimi").FillAsync(DemoAccounts.Password);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Hyr", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk).Not.ToHaveURLAsync(new Regex("/Account/Login"));

        await clerk.GotoAsync("/Invitations/Bulk");
        await clerk.GetByLabel("Niveli").SelectOptionAsync(new SelectOptionValue { Value = "Kqv" });
        await clerk.GetByLabel("Numri i KZAZ-së").FillAsync("1");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Numëro grupet" }).ClickAsync();
        var count = int.Parse((await clerk.GetByTestId("matching").GetAttributeAsync("data-bulk-count"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 1);
        await Screenshots.SaveAsync(clerk, "invitation-bulk");

        await clerk.GetByRole(AriaRole.Button, new() { Name = "Fleta A4 për shtyp" }).ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("sheet-card")).ToHaveCountAsync(count);
        await Screenshots.SaveAsync(clerk, "invitation-print-sheet");
    }
}
