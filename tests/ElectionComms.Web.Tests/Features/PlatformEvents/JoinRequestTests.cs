using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Web.Common;
using ElectionComms.Web.Tests.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.PlatformEvents;

/// <summary>
/// Issue 14 items 2–3 (§5c, §11) against the fake Telegram, through the real webhook: a join request is answered with
/// a request for the applicant's own number, checked against the registry with the invitation page's rule, and
/// approved or declined; anyone who gets in without that check is removed at once.
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class JoinRequestTests(PublishingPortal portal) : IAsyncLifetime
{
    private const long Applicant = 5_550_001;

    public async Task InitializeAsync()
    {
        portal.Telegram.Reset();
        await portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_registered_member_shares_their_number_and_is_let_in_and_bound()
    {
        var (chat, person) = await KzazGroupAndMemberAsync();

        await SendAsync(TelegramUpdateJson.JoinRequest(chat, Applicant));
        var ask = Assert.Single(portal.Telegram.Calls, c => c.Method == "sendMessage");
        Assert.Equal(Applicant.ToString(), ask.ChatId);
        Assert.Contains("ndani numrin tuaj", ask.Body["text"]!.ToString(), StringComparison.Ordinal);
        Assert.True(ask.Body["reply_markup"]!["keyboard"]![0]![0]!["request_contact"]!.GetValue<bool>());

        await SendAsync(TelegramUpdateJson.Contact(Applicant, Applicant, person.Phone.TrimStart('+')));

        var approve = Assert.Single(portal.Telegram.Calls, c => c.Method == "approveChatJoinRequest");
        Assert.Equal((chat, Applicant.ToString()), (approve.ChatId, approve.Body["user_id"]!.ToString()));
        Assert.DoesNotContain(portal.Telegram.Calls, c => c.Method == "declineChatJoinRequest");
        Assert.Contains("u pranua", portal.Telegram.Calls.Last(c => c.Method == "sendMessage").Body["text"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(person.Id, await portal.WithDbAsync(db => db.PlatformIdentities.Where(i => i.PlatformUserId == Applicant.ToString()).Select(i => i.PersonId).SingleAsync()));
        var decision = await LastEventAsync();
        Assert.Equal((MemberEventKind.JoinApproved, person.Id), (decision.Kind, decision.PersonId));
        Assert.Equal(ElectionComms.Web.Common.PhoneNumbers.Mask(person.Phone), decision.MaskedPhone);
        Assert.NotEqual(person.Phone, decision.MaskedPhone);
        Assert.Equal([], await portal.WithDbAsync(db => db.BotActions.Where(a => a.Status != BotActionStatus.Done).Select(a => a.Kind + ": " + a.Result).ToListAsync()));
    }

    [Fact]
    public async Task A_number_the_registry_does_not_have_is_declined_politely_and_not_bound()
    {
        var (chat, _) = await KzazGroupAndMemberAsync();

        await SendAsync(TelegramUpdateJson.JoinRequest(chat, Applicant));
        await SendAsync(TelegramUpdateJson.Contact(Applicant, Applicant, "+355699999991"));

        Assert.Single(portal.Telegram.Calls, c => c.Method == "declineChatJoinRequest");
        Assert.DoesNotContain(portal.Telegram.Calls, c => c.Method == "approveChatJoinRequest");
        Assert.Contains("nuk u pranua", portal.Telegram.Calls.Last(c => c.Method == "sendMessage").Body["text"]!.ToString(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.PlatformIdentities.AnyAsync()));
        var decision = await LastEventAsync();
        Assert.Equal((MemberEventKind.JoinDeclined, MemberRefusal.NotInRegistry), (decision.Kind, decision.Reason));
    }

    [Fact]
    public async Task Someone_elses_contact_decides_nothing_and_the_applicant_is_asked_again()
    {
        var (chat, person) = await KzazGroupAndMemberAsync();
        await SendAsync(TelegramUpdateJson.JoinRequest(chat, Applicant));

        // The card of a registered member, forwarded by someone else (contact.user_id is not the sender).
        await SendAsync(TelegramUpdateJson.Contact(Applicant, 9_990_001, person.Phone));
        await SendAsync(TelegramUpdateJson.Contact(Applicant, null, person.Phone));

        Assert.DoesNotContain(portal.Telegram.Calls, c => c.Method is "approveChatJoinRequest" or "declineChatJoinRequest");
        Assert.Equal(2, portal.Telegram.Calls.Count(c => c.Method == "sendMessage" && c.Body["text"]!.ToString().Contains("nuk është numri juaj", StringComparison.Ordinal)));
        Assert.False(await portal.WithDbAsync(db => db.PlatformIdentities.AnyAsync()));
        Assert.Equal(MemberEventKind.JoinRequested, (await LastEventAsync()).Kind);
    }

    [Fact]
    public async Task A_member_whose_mandate_has_ended_is_declined()
    {
        var (chat, person) = await KzazGroupAndMemberAsync();
        await portal.WithDbAsync(db => db.People.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.MandateTo, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2))));

        await SendAsync(TelegramUpdateJson.JoinRequest(chat, Applicant));
        await SendAsync(TelegramUpdateJson.Contact(Applicant, Applicant, person.Phone));

        Assert.Single(portal.Telegram.Calls, c => c.Method == "declineChatJoinRequest");
        Assert.Equal(MemberRefusal.NotEligible, (await LastEventAsync()).Reason);
    }

    [Fact]
    public async Task Someone_added_by_another_member_is_removed_at_once_and_may_come_back_properly()
    {
        var (chat, _) = await KzazGroupAndMemberAsync();

        await SendAsync(TelegramUpdateJson.MemberChange(chat, Applicant, byId: 4_440_004, from: "left", to: "member"));

        var ban = Assert.Single(portal.Telegram.Calls, c => c.Method == "banChatMember");
        var unban = Assert.Single(portal.Telegram.Calls, c => c.Method == "unbanChatMember");
        Assert.Equal((chat, Applicant.ToString()), (ban.ChatId, ban.Body["user_id"]!.ToString()));
        Assert.Equal(Applicant.ToString(), unban.Body["user_id"]!.ToString());
        Assert.True(unban.Body["only_if_banned"]!.GetValue<bool>());
        var removed = await LastEventAsync();
        Assert.Equal((MemberEventKind.Removed, MemberRefusal.NotIdentified), (removed.Kind, removed.Reason));
    }

    [Fact]
    public async Task A_bound_member_who_joins_stays_and_is_removed_by_the_sweep_when_the_mandate_ends()
    {
        var (chat, person) = await KzazGroupAndMemberAsync();
        await SendAsync(TelegramUpdateJson.JoinRequest(chat, Applicant));
        await SendAsync(TelegramUpdateJson.Contact(Applicant, Applicant, person.Phone));
        await SendAsync(TelegramUpdateJson.MemberChange(chat, Applicant, byId: Applicant, from: "left", to: "member"));
        Assert.Equal(MemberEventKind.Joined, (await LastEventAsync()).Kind);
        Assert.DoesNotContain(portal.Telegram.Calls, c => c.Method == "banChatMember");

        await portal.WithDbAsync(db => db.People.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.MandateTo, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1))));
        Assert.Equal(1, await portal.WithServicesAsync(s => s.GetRequiredService<ElectionComms.Web.Features.PlatformEvents.MembershipSweep>().RunAsync(CancellationToken.None)));
        await portal.ProcessEventsAsync();

        Assert.Single(portal.Telegram.Calls, c => c.Method == "banChatMember");
        var removed = await LastEventAsync();
        Assert.Equal((MemberEventKind.Removed, MemberRefusal.MandateEnded, person.Id), (removed.Kind, removed.Reason, removed.PersonId));
        Assert.Equal(0, await portal.WithServicesAsync(s => s.GetRequiredService<ElectionComms.Web.Features.PlatformEvents.MembershipSweep>().RunAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task The_group_page_shows_who_is_in_the_group_and_the_removal_and_the_administrator_sees_it_at_home()
    {
        var (chat, person) = await KzazGroupAndMemberAsync();
        await SendAsync(TelegramUpdateJson.JoinRequest(chat, Applicant));
        await SendAsync(TelegramUpdateJson.Contact(Applicant, Applicant, person.Phone));
        await SendAsync(TelegramUpdateJson.MemberChange(chat, Applicant, byId: Applicant, from: "left", to: "member"));
        await SendAsync(TelegramUpdateJson.MemberChange(chat, 6_660_006, byId: Applicant, from: "left", to: "member"));
        var groupId = await portal.WithDbAsync(db => db.Groups.Where(g => g.PlatformId == chat).Select(g => g.Id).SingleAsync());

        using var director = portal.CreatePortalClient();
        await director.SignInAsync(ElectionComms.Web.Data.Seed.DemoAccounts.AdministrationDirector);
        var page = await director.GetHtmlAsync($"/Channels/Groups/Details/{groupId}");

        Assert.Contains("Në grup tani: 1", page, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "data-testid=\"platform-member\""));
        Assert.Contains(person.FullName, page, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"Removed\"", page, StringComparison.Ordinal);
        Assert.Contains("Nuk u identifikua me numrin e vet", page, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Phone, page, StringComparison.Ordinal);

        var home = await director.GetHtmlAsync("/");
        Assert.Contains("data-testid=\"home-removals\"", home, StringComparison.Ordinal);
        Assert.Contains("1 të hequr", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clerk_compares_the_live_members_with_the_registry_without_uploading_a_list()
    {
        var (chat, person) = await KzazGroupAndMemberAsync();
        await SendAsync(TelegramUpdateJson.JoinRequest(chat, Applicant));
        await SendAsync(TelegramUpdateJson.Contact(Applicant, Applicant, person.Phone));
        await SendAsync(TelegramUpdateJson.MemberChange(chat, Applicant, byId: Applicant, from: "left", to: "member"));

        // The mandate has just ended and the sweep has not run yet: the comparison must say so.
        await portal.WithDbAsync(db => db.People.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.MandateTo, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1))));
        var groupId = await portal.WithDbAsync(db => db.Groups.Where(g => g.PlatformId == chat).Select(g => g.Id).SingleAsync());
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(ElectionComms.Web.Data.Seed.DemoAccounts.Clerk);
        var page = $"/Registry/Reconciliation/{groupId}";

        var response = await clerk.PostFormAsync(page, [], page + "?handler=Live");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var run = await portal.WithDbAsync(db => db.ReconciliationRuns.AsNoTracking().Include(r => r.Entries).OrderByDescending(r => r.Id).FirstAsync());
        Assert.Equal((groupId, "Anëtarët në platformë (sipas robotit)"), (run.GroupId, run.Source));
        var entry = Assert.Single(run.Entries);
        Assert.Equal((Domain.Registry.ReconciliationCategory.MandateEnded, person.Id), (entry.Category, entry.PersonId));
    }

    [Fact]
    public async Task Comparing_a_group_the_bot_has_seen_nobody_join_says_so_and_records_nothing()
    {
        var (chat, _) = await KzazGroupAndMemberAsync();
        var groupId = await portal.WithDbAsync(db => db.Groups.Where(g => g.PlatformId == chat).Select(g => g.Id).SingleAsync());
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(ElectionComms.Web.Data.Seed.DemoAccounts.Clerk);
        var page = $"/Registry/Reconciliation/{groupId}";

        var response = await clerk.PostFormAsync(page, [], page + "?handler=Live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nuk ka treguar ende asnjë anëtar", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.ReconciliationRuns.AnyAsync()));
    }

    [Fact]
    public async Task An_update_delivered_twice_is_stored_and_acted_on_once()
    {
        var (chat, person) = await KzazGroupAndMemberAsync();
        await SendAsync(TelegramUpdateJson.JoinRequest(chat, Applicant));
        var contact = TelegramUpdateJson.Contact(Applicant, Applicant, person.Phone);

        await SendAsync(contact);
        await SendAsync(contact);

        Assert.Single(portal.Telegram.Calls, c => c.Method == "approveChatJoinRequest");
        Assert.Equal(2, await portal.WithDbAsync(db => db.InboxUpdates.CountAsync()));
    }

    [Fact]
    public async Task A_processor_that_dies_before_its_commit_leaves_the_update_to_the_next_exactly_once()
    {
        var (chat, _) = await KzazGroupAndMemberAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(TelegramUpdateJson.JoinRequest(chat, Applicant))).StatusCode);

        // A processor claims the update, decides, and its connection dies before the commit.
        await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<ElectionComms.Web.Data.AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var claimed = await db.InboxUpdates.FromSqlRaw("SELECT * FROM platform_updates WHERE processed_at IS NULL FOR UPDATE SKIP LOCKED").SingleAsync();
            db.BotActions.Add(BotAction.Message(Platform.Telegram, "@kqz_administrata", Applicant.ToString(), "never sent", false, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await db.Database.CloseConnectionAsync();
        });

        Assert.Equal(0, await portal.WithDbAsync(db => db.BotActions.CountAsync()));
        await portal.ProcessEventsAsync();
        await portal.ProcessEventsAsync();

        Assert.Single(portal.Telegram.Calls, c => c.Method == "sendMessage");
        Assert.Equal(1, await portal.WithDbAsync(db => db.InboxUpdates.CountAsync(u => u.ProcessedAt != null && u.Attempts == 1)));
    }

    private Task SendAsync(JsonObject update) => portal.SendTelegramUpdateAsync(update);

    private Task<HttpResponseMessage> PostAsync(JsonObject update) => portal.PostTelegramUpdateAsync(update);

    private Task<MemberEvent> LastEventAsync() =>
        portal.WithDbAsync(db => db.MemberEvents.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync());

    /// <summary>The Telegram group "KZAZ 1" (join requests through the bot) and a member of that KZAZ, registered for it today.</summary>
    private Task<(string Chat, Domain.Registry.Person Person)> KzazGroupAndMemberAsync() => portal.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<ElectionComms.Web.Data.AppDbContext>();
        var group = await db.Groups.SingleAsync(g => g.Name == "KZAZ 1" && g.Platform == Platform.Telegram);
        var zone = await db.Kzazs.SingleAsync(k => k.ElectionId == portal.ElectionId && k.Number == 1);
        var person = Domain.Registry.Person.Register(portal.ElectionId, "Arta Hoxha", "+355691230001", Domain.Registry.UnitRole.Member,
            AdministrationLevel.Kzaz, zone.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1), null);
        db.People.Add(person);
        await db.SaveChangesAsync();
        Assert.True(await services.GetRequiredService<EligibilityQuery>().MayBeInvitedAsync(person.Id, group.Id, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None));
        return (group.PlatformId, person);
    });
}
