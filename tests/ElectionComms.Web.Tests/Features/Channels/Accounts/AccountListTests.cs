using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;

namespace ElectionComms.Web.Tests.Features.Channels.Accounts;

/// <summary>Who sees which official accounts (§4, §5a), and the list's filters.</summary>
[Collection(PortalCollection.Name)]
public sealed class AccountListTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Secretary_general_sees_every_account_with_pending_requests_highlighted()
    {
        using var sg = portal.CreatePortalClient();
        await sg.SignInAsync(DemoAccounts.SecretaryGeneral);
        var html = await sg.GetHtmlAsync("/Channels/Accounts");

        Assert.Contains("data-testid=\"pending-requests\"", html, StringComparison.Ordinal);
        Assert.Contains("Kërkesa për llogari në pritje të vendimit tuaj: 1.", html, StringComparison.Ordinal);
        Assert.Contains("0800 0253", html, StringComparison.Ordinal);
        Assert.Contains("@kqz_administrata", html, StringComparison.Ordinal);

        // Pending requests come first and are marked by more than colour.
        var firstRow = html[html.IndexOf("data-testid=\"account-row\"", StringComparison.Ordinal)..];
        firstRow = firstRow[..firstRow.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("@kqz_trajnimi", firstRow, StringComparison.Ordinal);
        Assert.Contains("badge text-bg-warning", firstRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Director_sees_only_the_accounts_of_their_directorate()
    {
        using var logistics = portal.CreatePortalClient();
        await logistics.SignInAsync(DemoAccounts.LogisticsDirector);
        var html = await logistics.GetHtmlAsync("/Channels/Accounts");
        Assert.Contains("0800 0253", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@kqz_administrata", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"pending-requests\"", html, StringComparison.Ordinal);

        var foreign = await portal.AccountAsync("@kqz_administrata");
        Responses.AssertRefused(await logistics.GetAsync(AccountPages.Details(foreign.Id)), "DLD director opens a DAZ account");
    }

    [Fact]
    public async Task Auditor_reads_every_account_but_is_offered_no_decision()
    {
        using var auditor = portal.CreatePortalClient();
        await auditor.SignInAsync(DemoAccounts.Auditor);
        Assert.Contains("@kqz_administrata", await auditor.GetHtmlAsync("/Channels/Accounts"), StringComparison.Ordinal);

        var pending = await portal.AccountAsync("@kqz_trajnimi");
        var details = await auditor.GetHtmlAsync(AccountPages.Details(pending.Id));
        Assert.DoesNotContain("handler=Approve", details, StringComparison.Ordinal);
        Responses.AssertRefused(await auditor.DecideAsync(pending.Id, "Approve", await portal.VersionAsync(pending.Id)), "auditor approves");
    }

    [Theory]
    [InlineData("Clerk")]
    [InlineData("CommunicationOfficer")]
    [InlineData("HelplineOperator")]
    public async Task Other_roles_cannot_open_the_account_list(string role)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.All.Single(a => a.Role == role));
        Responses.AssertRefused(await client.GetAsync("/Channels/Accounts"), role + " opens the account list");
    }

    [Fact]
    public async Task Filters_and_search_narrow_the_list_in_the_database()
    {
        using var sg = portal.CreatePortalClient();
        await sg.SignInAsync(DemoAccounts.SecretaryGeneral);

        var helpline = await sg.GetHtmlAsync("/Channels/Accounts?platform=Helpline");
        Assert.Contains("0800 0253", helpline, StringComparison.Ordinal);
        Assert.DoesNotContain("@kqz_administrata", helpline, StringComparison.Ordinal);

        var searched = await sg.GetHtmlAsync("/Channels/Accounts?q=TRAJNIMI");
        Assert.Contains("@kqz_trajnimi", searched, StringComparison.Ordinal);
        Assert.DoesNotContain("@kqz_njoftime", searched, StringComparison.Ordinal);

        var pending = await sg.GetHtmlAsync("/Channels/Accounts?status=Requested");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(pending, "data-testid=\"account-row\""));
    }
}
