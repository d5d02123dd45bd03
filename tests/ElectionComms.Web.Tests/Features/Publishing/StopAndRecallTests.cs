using System.Net;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Publishing;
using ElectionComms.FakePlatforms;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Messages;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Publishing;

/// <summary>Issue 13 item 7: stopping a message before it is sent, and recalling it after, through the message page.</summary>
[Collection(PublishingCollection.Name)]
public sealed class StopAndRecallTests(PublishingPortal portal) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        portal.Telegram.Reset();
        return portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_author_stops_a_message_before_it_is_sent_and_no_group_receives_it()
    {
        var id = await portal.ApprovedAsync();
        using var author = portal.CreatePortalClient();
        await author.SignInAsync(DemoAccounts.CommunicationOfficer);
        var page = MessageScenario.Details(id);
        Assert.Contains("data-testid=\"cancel-message\"", await author.GetHtmlAsync(page), StringComparison.Ordinal);

        var withoutReason = await author.PostFormAsync(page, [new("Input.Reason", " ")], page + "?handler=Cancel");
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Equal(DeliveryStatus.Queued, Assert.Single(await portal.DeliveriesAsync(id)).Status);

        var stopped = await author.PostFormAsync(page, [new("Input.Reason", "Data e mbledhjes ndryshoi.")], page + "?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(0, await portal.DispatchAsync());

        Assert.Empty(portal.Telegram.Calls);
        var delivery = Assert.Single(await portal.DeliveriesAsync(id));
        Assert.Equal(DeliveryStatus.Cancelled, delivery.Status);
        Assert.Equal("Data e mbledhjes ndryshoi.", delivery.Reason);
        var (status, events) = await portal.WithDbAsync(async db => (
            await db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync(),
            await db.MessageEvents.Where(e => e.MessageId == id).Select(e => e.Kind).ToListAsync()));
        Assert.Equal(MessageStatus.Cancelled, status);
        Assert.Contains(MessageEventKind.Cancelled, events);
    }

    [Fact]
    public async Task The_approver_recalls_a_sent_message_with_a_fresh_second_factor_and_telegram_deletes_it()
    {
        var id = await portal.ApprovedAsync();
        await portal.DispatchAsync();
        var sent = Assert.Single(await portal.DeliveriesAsync(id));
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        var chat = portal.Telegram.Calls.Single().ChatId;
        var page = MessageScenario.Details(id);
        var reason = new List<KeyValuePair<string, string>> { new("Input.Reason", "Publikuar gabimisht.") };

        // The author may stop, not recall.
        using var author = portal.CreatePortalClient();
        await author.SignInAsync(DemoAccounts.CommunicationOfficer);
        Assert.DoesNotContain("data-testid=\"recall-message\"", await author.GetHtmlAsync(page), StringComparison.Ordinal);
        await author.PostFormAsync(page, reason, page + "?handler=Recall");
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await portal.DeliveriesAsync(id)).Status);

        // The approver without a fresh step-up is told to confirm the code; nothing changes.
        await portal.WithDbAsync(db => db.StepUpVerifications.ExecuteDeleteAsync());
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        Assert.Contains("data-testid=\"recall-step-up-needed\"", await director.GetHtmlAsync(page), StringComparison.Ordinal);
        var stale = await director.PostFormAsync(page, reason, page + "?handler=Recall");
        Assert.Contains("konfirmoni identitetin me kodin e autentifikuesit (vlen 15 minuta)", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await portal.DeliveriesAsync(id)).Status);

        await MessageScenario.StepUpAsync(director, DemoAccounts.AdministrationDirector);
        Assert.Equal(HttpStatusCode.Redirect, (await director.PostFormAsync(page, reason, page + "?handler=Recall")).StatusCode);
        Assert.Equal(DeliveryStatus.Recalling, Assert.Single(await portal.DeliveriesAsync(id)).Status);

        await portal.DispatchAsync();

        var delete = Assert.Single(portal.Telegram.Calls, c => c.Method == "deleteMessage");
        Assert.Equal(chat, delete.ChatId);
        Assert.Equal(sent.PlatformMessageId, delete.Body["message_id"]!.ToString());
        Assert.Equal(PublishingPortal.AdministrationToken, delete.Token);
        var recalled = Assert.Single(await portal.DeliveriesAsync(id));
        Assert.Equal(DeliveryStatus.Recalled, recalled.Status);
        Assert.NotNull(recalled.RecalledAt);
        Assert.Equal(MessageStatus.Recalled, await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        Assert.Contains("data-status=\"Recalled\"", await director.GetHtmlAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_telegram_no_longer_lets_delete_stays_sent_with_the_reason_shown()
    {
        var id = await portal.ApprovedAsync();
        await portal.DispatchAsync();
        portal.Telegram.DeleteAnswer = _ => FakeTelegram.Error(HttpStatusCode.BadRequest, "Bad Request: message can't be deleted for everyone");
        using var director = await portal.RecalledByDirectorAsync(id);
        var page = MessageScenario.Details(id);

        await portal.DispatchAsync();

        var delivery = Assert.Single(await portal.DeliveriesAsync(id));
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Contains("can't be deleted", delivery.Reason, StringComparison.Ordinal);
        Assert.Single(portal.Telegram.Calls, c => c.Method == "deleteMessage");
        Assert.Contains("can&#x27;t be deleted", await director.GetHtmlAsync(page), StringComparison.Ordinal);
        Assert.Equal(1, portal.Telegram.Calls.Count(c => c.Method == "sendMessage"));
    }
}
