using System.Net;
using ElectionComms.Domain.Messages;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ElectionComms.Web.Tests.Features.Messages.MessageScenario;

namespace ElectionComms.Web.Tests.Features.Messages;

/// <summary>§7: an officer's message reaches the publishing queue only through its author's responsible superior.</summary>
[Collection(PortalCollection.Name)]
public sealed class ApprovalJourneyTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Officer_drafts_and_submits_director_steps_up_and_approves_and_the_message_is_queued()
    {
        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var groups = await OfficerGroupsAsync(portal);
        var id = await DraftAsync(officer, "Përkujtesë: *mbledhja* e KZAZ-së nesër në orën 10:00.", groups[0], groups[1]);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(officer, id)).StatusCode);

        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var queue = await director.GetHtmlAsync("/Messages/Queue");
        Assert.Contains(Details(id), queue, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pending-badge\">1<", queue, StringComparison.Ordinal);
        var review = await director.GetHtmlAsync(Details(id));
        Assert.Contains("data-testid=\"step-up-needed\"", review, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"preview-telegram\"", review, StringComparison.Ordinal);

        await StepUpAsync(director, DemoAccounts.AdministrationDirector);
        var hash = await ShownHashAsync(director, id);
        var response = await DecideAsync(director, id, "Approve", hash);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (status, approvals, queued) = await portal.WithDbAsync(async db => (
            await db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync(),
            await db.MessageApprovals.Where(a => a.MessageId == id).Select(a => a.ContentHash).ToListAsync(),
            await db.PublishingQueue.Where(q => q.MessageId == id).Select(q => q.ContentHash).ToListAsync()));
        Assert.Equal(MessageStatus.Queued, status);
        Assert.Equal([hash], approvals);
        Assert.Equal([hash], queued);
        Assert.DoesNotContain("pending-badge", await director.GetHtmlAsync("/Messages/Queue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_without_a_recent_second_factor_is_refused_and_nothing_is_saved()
    {
        var id = await SubmittedAsync(portal);
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);

        var response = await DecideAsync(director, id, "Approve", await ShownHashAsync(director, id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("konfirmoni identitetin me kodin e autentifikuesit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDbAsync(db => db.MessageApprovals.CountAsync()));
    }

    [Fact]
    public async Task Stale_hash_is_refused_after_the_officer_changed_the_message()
    {
        var id = await SubmittedAsync(portal);
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        await StepUpAsync(director, DemoAccounts.AdministrationDirector);
        var seen = await ShownHashAsync(director, id);

        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var groups = await OfficerGroupsAsync(portal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostDraftAsync(officer, "Mbledhja shtyhet për nesër në orën 12:00.", [groups[0]], id: id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(officer, id)).StatusCode);

        var response = await DecideAsync(director, id, "Approve", seen);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mesazhi ndryshoi pasi e hapët", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDbAsync(db => db.MessageApprovals.CountAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.PublishingQueue.CountAsync()));
    }

    [Fact]
    public async Task Replayed_approval_of_an_earlier_version_does_not_approve_the_edit()
    {
        var id = await SubmittedAsync(portal);
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        await StepUpAsync(director, DemoAccounts.AdministrationDirector);
        var first = await ShownHashAsync(director, id);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(director, id, "RequestChanges", first, "Shtoni vendin.")).StatusCode);

        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var groups = await OfficerGroupsAsync(portal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostDraftAsync(officer, "Mbledhja nesër në orën 10:00 në sallën e këshillit.", [groups[0]], id: id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(officer, id)).StatusCode);

        var response = await DecideAsync(director, id, "Approve", first);

        Assert.Contains("Mesazhi ndryshoi pasi e hapët", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(MessageStatus.Submitted, await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task Review_page_shows_the_difference_from_the_previous_version()
    {
        var id = await SubmittedAsync(portal, "Mbledhja nesër në orën 10:00.");
        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var groups = await OfficerGroupsAsync(portal);
        await PostDraftAsync(officer, "Mbledhja nesër në orën 11:00.", [groups[0]], id: id);
        await SubmitAsync(officer, id);

        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var html = await director.GetHtmlAsync(Details(id));

        Assert.Contains("<del class=\"diff-removed\">10</del>", html, StringComparison.Ordinal);
        Assert.Contains("<ins class=\"diff-added\">11</ins>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_without_a_reason_is_refused_and_with_one_is_shown_to_the_author()
    {
        var id = await SubmittedAsync(portal);
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var hash = await ShownHashAsync(director, id);

        var refused = await DecideAsync(director, id, "Reject", hash, " ");
        Assert.Contains("Shkruani arsyen.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(director, id, "Reject", hash, "Njoftimi është dërguar tashmë.")).StatusCode);

        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var html = await officer.GetHtmlAsync(Details(id));
        Assert.Contains("Njoftimi është dërguar tashmë.", html, StringComparison.Ordinal);
        Assert.Contains("Refuzuar", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comment_thread_is_shared_by_author_and_director()
    {
        var id = await SubmittedAsync(portal);
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var response = await director.PostFormAsync(Details(id), [new("Input.Comment", "A është salla e rezervuar?")], Details(id) + "?handler=Comment");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        Assert.Contains("A është salla e rezervuar?", await officer.GetHtmlAsync(Details(id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Author_withdraws_a_submitted_message_and_it_leaves_the_queue()
    {
        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var id = await DraftAsync(officer, "Tekst për t'u tërhequr.", (await OfficerGroupsAsync(portal))[0]);
        await SubmitAsync(officer, id);

        var response = await officer.PostFormAsync(Details(id), [], Details(id) + "?handler=Withdraw");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        Assert.DoesNotContain(Details(id), await director.GetHtmlAsync("/Messages/Queue"), StringComparison.Ordinal);
    }
}
