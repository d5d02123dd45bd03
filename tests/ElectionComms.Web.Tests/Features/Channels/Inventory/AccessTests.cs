using System.Net;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;

namespace ElectionComms.Web.Tests.Features.Channels.Inventory;

/// <summary>Only the Secretary General and auditors see the inventory (issue 3, item 7); everyone else is refused.</summary>
[Collection(PortalCollection.Name)]
public sealed class AccessTests(PortalFactory portal) : IAsyncLifetime
{
    public static readonly TheoryData<string, string> RefusedRolesAndPages = Cross(
        [
            DemoAccounts.AdministrationDirector.Email, DemoAccounts.LogisticsDirector.Email,
            DemoAccounts.CommunicationOfficer.Email, DemoAccounts.Clerk.Email, DemoAccounts.HelplineOperator.Email,
            DemoAccounts.SystemAdministrator.Email,
        ],
        [InventoryPages.Dashboard, InventoryPages.List, InventoryPages.List + "?handler=Export&format=Csv", InventoryPages.List + "?handler=Export&format=Xlsx"]);

    public static readonly TheoryData<string, string> AllowedRolesAndPages = Cross(
        [DemoAccounts.SecretaryGeneral.Email, DemoAccounts.Auditor.Email],
        [InventoryPages.Dashboard, InventoryPages.List, InventoryPages.List + "?handler=Export&format=Csv", InventoryPages.List + "?handler=Export&format=Xlsx"]);

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(RefusedRolesAndPages))]
    public async Task Other_roles_are_refused_with_403(string email, string url)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.All.Single(a => a.Email == email));

        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var denied = await client.GetAsync(response.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AllowedRolesAndPages))]
    public async Task Secretary_general_and_auditor_are_allowed(string email, string url)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.All.Single(a => a.Email == email));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = portal.CreatePortalClient();
        var response = await client.GetAsync(InventoryPages.List + "?handler=Export&format=Csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static TheoryData<string, string> Cross(string[] emails, string[] urls)
    {
        var data = new TheoryData<string, string>();
        foreach (var email in emails)
        {
            foreach (var url in urls)
            {
                data.Add(email, url);
            }
        }

        return data;
    }
}
