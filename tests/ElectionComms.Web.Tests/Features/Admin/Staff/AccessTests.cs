using System.Globalization;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Admin.Staff;

/// <summary>Only the system administrator manages staff accounts: every other role is refused on every staff page.</summary>
[Collection(PortalCollection.Name)]
public sealed class AccessTests(PortalFactory portal) : IAsyncLifetime
{
    public static TheoryData<string> OtherRoles => new(
        DemoAccounts.SecretaryGeneral.Email,
        DemoAccounts.LogisticsDirector.Email,
        DemoAccounts.CommunicationOfficer.Email,
        DemoAccounts.Clerk.Email,
        DemoAccounts.HelplineOperator.Email,
        DemoAccounts.Auditor.Email);

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Role_other_than_administrator_is_refused_on_every_staff_page_and_action(string email)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.All.Single(a => a.Email == email));
        var clerk = await portal.StaffIdAsync(DemoAccounts.Clerk.Email);
        var edit = $"/Admin/Staff/Edit/{clerk}";

        foreach (var page in new[] { "/Admin/Staff", "/Admin/Staff/Index", "/Admin/Staff/Create", edit })
        {
            AdminPages.AssertRefused(await client.GetAsync(page), page);
        }

        // Posts carry a valid antiforgery token (from a page the role may open) and are still refused.
        var version = (await portal.StaffVersionAsync(clerk)).ToString(CultureInfo.InvariantCulture);
        AdminPages.AssertRefused(await client.PostFormAsync("/Account/ChangePassword", [new("version", version)], edit + "?handler=Deactivate"), "deactivate");
        AdminPages.AssertRefused(await client.PostFormAsync("/Account/ChangePassword", [new("version", version)], edit + "?handler=ResetPassword"), "reset password");
        AdminPages.AssertRefused(
            await client.PostFormAsync("/Account/ChangePassword", [new("Input.FullName", "X"), new("Input.Email", "x@kqz.gov.al")], "/Admin/Staff/Create"),
            "create");

        Assert.True(await portal.WithDbAsync(db => db.Staff.Where(s => s.Id == clerk).Select(s => s.IsActive).SingleAsync()));
        Assert.False(await portal.WithDbAsync(db => db.Staff.AnyAsync(s => s.Email == "x@kqz.gov.al")));
        Assert.False((await portal.UserAsync(DemoAccounts.Clerk.Email)).MustChangePassword);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = portal.CreatePortalClient();
        var response = await client.GetAsync("/Admin/Staff");
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
