using System.Net;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ElectionComms.Web.Tests.Features.Messages.MessageScenario;

namespace ElectionComms.Web.Tests.Features.Messages;

/// <summary>§7 over HTTP: nobody but the author's responsible superior approves, whatever their role.</summary>
[Collection(PortalCollection.Name)]
public sealed class RefusedApproverTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task AssertNothingApprovedAsync()
    {
        Assert.Equal(0, await portal.WithDbAsync(db => db.MessageApprovals.CountAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.PublishingQueue.CountAsync()));
    }

    [Fact]
    public async Task Author_approving_their_own_message_is_refused()
    {
        var id = await SubmittedAsync(portal);
        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var hash = await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.CurrentContentHash).SingleAsync());

        var response = await DecideAsync(officer, id, "Approve", hash);

        Assert.Contains("Autori nuk mund ta miratojë mesazhin e vet.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingApprovedAsync();
    }

    [Fact]
    public async Task Secretary_General_approving_is_refused_even_after_step_up()
    {
        var id = await SubmittedAsync(portal);
        using var sg = portal.CreatePortalClient();
        await sg.SignInAsync(DemoAccounts.SecretaryGeneral);
        await StepUpAsync(sg, DemoAccounts.SecretaryGeneral);
        var html = await sg.GetHtmlAsync(Details(id));
        Assert.DoesNotContain("data-testid=\"approve\"", html, StringComparison.Ordinal);
        var hash = await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.CurrentContentHash).SingleAsync());

        var response = await DecideAsync(sg, id, "Approve", hash);

        Assert.Contains("Nuk jeni përgjegjës për grupin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingApprovedAsync();
    }

    [Fact]
    public async Task Director_of_another_directorate_cannot_reach_the_message()
    {
        var id = await SubmittedAsync(portal);
        using var other = portal.CreatePortalClient();
        await other.SignInAsync(DemoAccounts.LogisticsDirector);
        await StepUpAsync(other, DemoAccounts.LogisticsDirector);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Details(id))).StatusCode);
        Assert.DoesNotContain(Details(id), await other.GetHtmlAsync("/Messages/Queue"), StringComparison.Ordinal);
        await AssertNothingApprovedAsync();
    }

    [Fact]
    public async Task Director_who_administers_the_target_but_is_not_the_authors_superior_is_refused()
    {
        // The technical-staff group of zone 1 belongs to Electoral Administration but is administered by the DLD director.
        var groupId = await portal.WithDbAsync(async db =>
        {
            var officer = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.CommunicationOfficer.Email);
            var daz = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
            var group = await db.Groups.Include(g => g.Officers).FirstAsync(g => g.Name == "Stafi teknik – KZAZ 1");
            group.AssignOfficer(officer, daz.Id, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return group.Id;
        });
        using var author = portal.CreatePortalClient();
        await author.SignInAsync(DemoAccounts.CommunicationOfficer);
        var id = await DraftAsync(author, "Stafi teknik: kontrolli i pajisjeve nesër.", groupId);
        await SubmitAsync(author, id);

        using var dld = portal.CreatePortalClient();
        await dld.SignInAsync(DemoAccounts.LogisticsDirector);
        await StepUpAsync(dld, DemoAccounts.LogisticsDirector);
        var response = await DecideAsync(dld, id, "Approve", await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.CurrentContentHash).SingleAsync()));

        Assert.Contains("Nuk jeni eprori i autorit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingApprovedAsync();
    }

    [Theory]
    [InlineData("administrator")]
    [InlineData("clerk")]
    public async Task Roles_outside_messaging_are_refused_at_the_folder(string who)
    {
        var id = await SubmittedAsync(portal);
        var account = who == "administrator" ? DemoAccounts.SystemAdministrator : DemoAccounts.Clerk;
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(account);

        Responses.AssertRefused(await client.GetAsync(Details(id)), who);
        Responses.AssertRefused(await client.GetAsync("/Messages/Queue"), who);
        await AssertNothingApprovedAsync();
    }
}
