using System.Globalization;
using System.Net;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Publishing;
using ElectionComms.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Publishing;

/// <summary>
/// Issue 13 item 6 (§4 c): a WhatsApp group run from a phone, known by its invitation link only. The dispatcher
/// never takes its delivery; the group's officer copies the approved text, posts it and confirms the time.
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class ManualPostingTests(PublishingPortal portal) : IAsyncLifetime
{
    private const string Page = "/Publishing/Manual";

    public Task InitializeAsync()
    {
        portal.Telegram.Reset();
        return portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_officer_posts_the_approved_text_by_hand_and_the_delivery_is_recorded_as_manual()
    {
        var (id, delivery) = await ApprovedToPhoneGroupAsync("Mbledhja e KQV-së sot në orën 18:00.\nSillni vulën.");
        Assert.Equal(DeliveryMethod.Manual, delivery.Method);
        Assert.Equal(0, await portal.DispatchAsync());
        Assert.Empty(portal.Telegram.Calls);

        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        Assert.Contains("/Publishing/Manual", await officer.GetHtmlAsync("/"), StringComparison.Ordinal);
        var html = await officer.GetHtmlAsync(Page);
        Assert.Contains($"data-testid=\"manual-{delivery.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains(delivery.ContentHash, html, StringComparison.Ordinal);
        Assert.Contains("Mbledhja e KQV-së sot në orën 18:00.\nSillni vulën.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        // What the form offers: this minute, in Tirana time.
        var postedAt = Web.Localisation.PortalTime.ToLocal(DateTimeOffset.UtcNow);
        var response = await officer.PostFormAsync(Page, Form(delivery.Id, postedAt), Page + "?handler=Posted");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var posted = Assert.Single(await portal.DeliveriesAsync(id));
        Assert.Equal(DeliveryStatus.Sent, posted.Status);
        Assert.Equal(postedAt.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), Web.Localisation.PortalTime.ToLocal(posted.SentAt!.Value).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var (status, officerId, audited) = await portal.WithDbAsync(async db => (
            await db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync(),
            await db.Staff.Where(s => s.Email == DemoAccounts.CommunicationOfficer.Email).Select(s => s.Id).SingleAsync(),
            await db.AuditEntries.AnyAsync(a => a.Entity == nameof(Delivery) && a.EntityId == posted.Id.ToString() && a.Details.Contains("Sent"))));
        Assert.Equal(MessageStatus.Published, status);
        Assert.Equal(officerId, posted.DecidedById);
        Assert.True(audited, "the manual posting is in the audit trail");
        Assert.Contains("data-testid=\"manual-none\"", await officer.GetHtmlAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_before_the_send_time_or_by_someone_else_is_refused()
    {
        var (id, delivery) = await ApprovedToPhoneGroupAsync("Trajnim nesër.");
        await portal.WithDbAsync(db => db.Deliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.NotBefore, DateTimeOffset.UtcNow.AddHours(2))));

        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var html = await officer.GetHtmlAsync(Page);
        Assert.Contains("data-testid=\"manual-not-yet\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"manual-posted\"", html, StringComparison.Ordinal);
        var early = await officer.PostFormAsync(Page, Form(delivery.Id, null), Page + "?handler=Posted");
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Contains("Ora e dërgimit nuk ka ardhur ende", await officer.GetHtmlAsync(Page), StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Queued, Assert.Single(await portal.DeliveriesAsync(id)).Status);

        // A director who is not the group's officer sees nothing to post and cannot post it.
        await portal.WithDbAsync(db => db.Deliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.NotBefore, DateTimeOffset.UtcNow.AddMinutes(-5))));
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        Assert.DoesNotContain($"data-testid=\"manual-{delivery.Id}\"", await director.GetHtmlAsync(Page), StringComparison.Ordinal);
        await director.PostFormAsync(Page, Form(delivery.Id, null), Page + "?handler=Posted");
        Assert.Equal(DeliveryStatus.Queued, Assert.Single(await portal.DeliveriesAsync(id)).Status);
    }

    private static List<KeyValuePair<string, string>> Form(long deliveryId, DateTime? postedAt) =>
    [
        new("deliveryId", deliveryId.ToString(CultureInfo.InvariantCulture)),
        new("PostedAt", postedAt?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? string.Empty),
    ];

    private async Task<(Guid Id, Delivery Delivery)> ApprovedToPhoneGroupAsync(string text)
    {
        var group = await portal.WithDbAsync(db => db.Groups
            .Where(g => g.Platform == Platform.WhatsApp && g.PlatformId.StartsWith("https://chat.whatsapp.com/") && !g.IsTestGroup)
            .OrderBy(g => g.Id).Select(g => g.Id).FirstAsync());
        var id = await portal.ApprovedToAsync(text, [group]);
        return (id, Assert.Single(await portal.DeliveriesAsync(id)));
    }
}
