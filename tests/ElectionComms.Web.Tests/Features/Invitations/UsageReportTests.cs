using ElectionComms.Web.Tests.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;

namespace ElectionComms.Web.Tests.Features.Invitations;

/// <summary>§5b: per invitation, how many opened it, were refused and were given the platform link.</summary>
[Collection(PortalCollection.Name)]
public sealed class UsageReportTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Usage_report_counts_opens_refusals_and_grants_with_masked_numbers()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var (id, code) = await InvitationScenario.CreateAsync(clerk, scenario.GroupId);
        using var member = portal.CreatePortalClient();
        await InvitationScenario.SubmitPhoneAsync(member, code, ReconciliationScenario.EligiblePhone);
        await InvitationScenario.SubmitPhoneAsync(member, code, ReconciliationScenario.OtherZonePhone);
        await InvitationScenario.SubmitPhoneAsync(member, code, ReconciliationScenario.UnknownPhone);

        var html = System.Net.WebUtility.HtmlDecode(await clerk.GetHtmlAsync($"/Invitations/Usage/{scenario.GroupId}"));

        var row = HtmlTable.Rows(html, "usage").Single();
        Assert.Equal(id.ToString(), row[0]);
        Assert.Equal("3", row[3]);
        Assert.Equal("2", row[4]);
        Assert.Equal("1", row[5]);
        Assert.Contains("+355 69 *** **02", html, StringComparison.Ordinal);
        FullNumber.AssertAbsent(ReconciliationScenario.OtherZonePhone, html, "the usage report");
        Assert.Contains("Nuk është në regjistër", html, StringComparison.Ordinal);
    }
}
