using System.Globalization;
using System.Net;
using ElectionComms.Domain.Messages;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Channels.Groups;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ElectionComms.Web.Tests.Features.Messages.MessageScenario;

namespace ElectionComms.Web.Tests.Features.Messages;

/// <summary>§8 over HTTP (ADR 0017): a message drafted under a transmit grant is decided by whoever answers for the group.</summary>
[Collection(PortalCollection.Name)]
public sealed class GrantApprovalTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Operator_with_a_grant_drafts_and_submits_and_the_groups_director_approves_and_it_is_queued()
    {
        var groupId = await portal.GroupIdAsync("KZAZ 2");
        using (var dld = portal.CreatePortalClient())
        {
            await dld.SignInAsync(DemoAccounts.LogisticsDirector);
            var granted = await dld.PostFormAsync(
                "/Channels/Grants",
                [new("Input.GroupId", groupId.ToString(CultureInfo.InvariantCulture)), new("Input.GranteeId", (await portal.StaffIdAsync(DemoAccounts.HelplineOperator)).ToString())],
                "/Channels/Grants?handler=Grant");
            Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        }

        using var operatorClient = portal.CreatePortalClient();
        await operatorClient.SignInAsync(DemoAccounts.HelplineOperator);
        var id = await DraftAsync(operatorClient, "Linja e ndihmës: numri 0800 0253 është i hapur gjatë gjithë ditës së zgjedhjeve.", groupId);
        var submitted = await SubmitAsync(operatorClient, id, "Numri është linja zyrtare e KQZ-së.");
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        Assert.Equal(ApprovalRoute.Grant, await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.ApprovalRoute).SingleAsync()));

        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var queue = await director.GetHtmlAsync("/Messages/Queue");
        Assert.Contains(Details(id), queue, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pending-badge\">1<", queue, StringComparison.Ordinal);
        await StepUpAsync(director, DemoAccounts.AdministrationDirector);
        var hash = await ShownHashAsync(director, id);
        var approved = await DecideAsync(director, id, "Approve", hash);

        Assert.True(approved.StatusCode == HttpStatusCode.Redirect, await approved.Content.ReadAsStringAsync());
        var (status, queued) = await portal.WithDbAsync(async db => (
            await db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync(),
            await db.PublishingQueue.Where(q => q.MessageId == id).Select(q => q.ContentHash).ToListAsync()));
        Assert.Equal(MessageStatus.Queued, status);
        Assert.Equal([hash], queued);
    }

    [Fact]
    public async Task Submission_nobody_could_decide_is_refused_with_the_reason_and_nothing_changes()
    {
        // The only person who answers for the officer's KZAZ groups (their administrator, the DAZ director) has left.
        await portal.WithDbAsync(async db =>
        {
            var daz = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
            daz.Deactivate(0, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var id = await DraftAsync(officer, "Mbledhja e KZAZ-së nesër në orën 10:00.", (await OfficerGroupsAsync(portal))[0]);
        var before = await portal.WithDbAsync(db => db.MessageEvents.CountAsync(e => e.MessageId == id));

        var response = await SubmitAsync(officer, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Askush nuk mund ta miratojë këtë mesazh", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (status, submittedAt, events) = await portal.WithDbAsync(async db => (
            await db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync(),
            await db.Messages.Where(m => m.Id == id).Select(m => m.SubmittedAt).SingleAsync(),
            await db.MessageEvents.CountAsync(e => e.MessageId == id)));
        Assert.Equal(MessageStatus.Draft, status);
        Assert.Null(submittedAt);
        Assert.Equal(before, events);
    }
}
