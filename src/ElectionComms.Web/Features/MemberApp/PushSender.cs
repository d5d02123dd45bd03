using System.Net;
using System.Text.Json;
using ElectionComms.Web.Data;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElectionComms.Web.Features.MemberApp;

/// <summary>
/// Tells subscribed devices that something new is in their inbox (issue 20 item 5), through Web Push with VAPID
/// (Lib.Net.Http.WebPush: RFC 8030, 8291 encryption, 8292). One push per device per pass, however many messages
/// arrived, and it carries no personal data and no message text: only that there is something new and where to
/// look (<see cref="Payload"/>). A subscription the push service calls gone (404, 410) is deleted.
/// </summary>
public sealed partial class PushSender(AppDbContext db, IHttpClientFactory httpClients, IOptions<MemberAppOptions> options, ILogger<PushSender> logger)
{
    public const string HttpClientName = "webpush";
    public const int PerPass = 500;

    /// <summary>The notification's whole content: a fixed text and the inbox's address.</summary>
    public static string Payload(string title, string body) =>
        JsonSerializer.Serialize(new { title, body, url = "/app" });

    /// <returns>How many devices were told.</returns>
    public async Task<int> RunOnceAsync(string title, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.PushEnabled)
        {
            return 0;
        }

        var due = await (from s in db.AppPushSubscriptions.AsNoTracking()
                         join d in db.AppDevices on s.DeviceId equals d.Id
                         where d.RevokedAt == null
                         let newest = db.AppInbox.Where(i => i.PersonId == d.PersonId && i.Id > s.LastItemId && i.RecalledAt == null).Max(i => (long?)i.Id)
                         where newest != null
                         orderby s.Id
                         select new { Subscription = s, Newest = newest!.Value })
            .Take(PerPass).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        using var vapid = new VapidAuthentication(settings.VapidPublicKey, settings.VapidPrivateKey) { Subject = settings.VapidSubject };
        var client = new PushServiceClient(httpClients.CreateClient(HttpClientName)) { DefaultAuthentication = vapid, AutoRetryAfter = false };
        var told = 0;
        foreach (var row in due)
        {
            var subscription = new PushSubscription { Endpoint = row.Subscription.Endpoint, Keys = new Dictionary<string, string> { ["p256dh"] = row.Subscription.P256dh, ["auth"] = row.Subscription.Auth } };
            try
            {
                await client.RequestPushMessageDeliveryAsync(subscription, new PushMessage(Payload(title, body)) { TimeToLive = 86_400, Urgency = PushMessageUrgency.High, Topic = "inbox" }, cancellationToken);
                // A cursor, not a record of §12: moved without the audit trail.
                var (id, newest) = (row.Subscription.Id, row.Newest);
                await db.AppPushSubscriptions.Where(x => x.Id == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastItemId, newest), cancellationToken);
                told++;
            }
            catch (PushServiceClientException gone) when (gone.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                var id = row.Subscription.Id;
                await db.AppPushSubscriptions.Where(x => x.Id == id).ExecuteDeleteAsync(cancellationToken);
            }
            catch (Exception failed) when (failed is PushServiceClientException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Tried again on the next pass; the member still finds the message by opening the app.
                LogFailed(row.Subscription.DeviceId, failed.GetType().Name);
            }
            catch (Exception unusable) when (unusable is not OperationCanceledException)
            {
                // Keys the encryption cannot use: the subscription is dropped, so it cannot hold up everyone after it.
                LogDropped(row.Subscription.DeviceId, unusable.GetType().Name);
                var id = row.Subscription.Id;
                await db.AppPushSubscriptions.Where(x => x.Id == id).ExecuteDeleteAsync(cancellationToken);
            }
        }

        return told;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The push subscription of device {DeviceId} was dropped: {Failure}")]
    private partial void LogDropped(int deviceId, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push to device {DeviceId} failed ({Failure}); tried again later")]
    private partial void LogFailed(int deviceId, string failure);
}
