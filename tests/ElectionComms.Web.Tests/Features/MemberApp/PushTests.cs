using System.Net;
using System.Net.Http.Json;
using ElectionComms.Web.Features.MemberApp;
using ElectionComms.Web.Tests.Features.Publishing;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.MemberApp;

/// <summary>
/// Issue 20 item 5 against a push service on loopback: a subscribed device is told once that something is new, with
/// VAPID and the payload encrypted to the browser's keys; decrypted, it holds no personal data and no message text.
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class PushTests(PublishingPortal portal) : IAsyncLifetime
{
    private const string Phone = "+355691110001";
    private const string Text = "Mbledhja e KQV-së në orën 08:00 në sallën e bashkisë.";

    public async Task InitializeAsync()
    {
        portal.Telegram.Reset();
        portal.Push.Reset();
        await portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_new_message_is_announced_once_encrypted_with_vapid_and_without_personal_data()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var person = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        using var member = await AppMemberScenario.BoundAsync(portal, await AppMemberScenario.InvitationAsync(portal, groupId, person.Id), Phone);
        using var browser = new WebPushKeys.Browser();
        Assert.Equal(HttpStatusCode.NoContent, (await SubscribeAsync(member, portal.Push.Endpoint("device-1"), browser.P256dh, browser.AuthText)).StatusCode);

        await portal.ApprovedToAsync(Text, [groupId]);
        await portal.ApprovedToAsync("Një mesazh i dytë.", [groupId]);
        await portal.DispatchAsync();
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());

        var push = Assert.Single(portal.Push.Received);
        Assert.Equal("device-1", push.Subscription);
        Assert.StartsWith("vapid t=", push.Authorization, StringComparison.Ordinal);
        Assert.Contains("k=" + PublishingPortal.Vapid.Public, push.Authorization, StringComparison.Ordinal);
        Assert.Equal(("aes128gcm", "86400", "high", "inbox"), (push.ContentEncoding, push.Ttl, push.Urgency, push.Topic));
        var payload = browser.Decrypt(push.Body);
        Assert.Equal(PushSender.Payload("KQZ", "Keni një mesazh të ri nga KQZ-ja."), payload);
        Assert.DoesNotContain("Drita", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("08:00", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("069", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_the_push_service_calls_gone_is_forgotten_and_a_revoked_device_is_told_nothing()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var person = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        var code = await AppMemberScenario.InvitationAsync(portal, groupId, person.Id, maxUses: 2);
        using var first = await AppMemberScenario.BoundAsync(portal, code, Phone);
        using var second = await AppMemberScenario.BoundAsync(portal, code, Phone);
        using var browser = new WebPushKeys.Browser();
        await SubscribeAsync(first, portal.Push.Endpoint("gone"), browser.P256dh, browser.AuthText);
        await SubscribeAsync(second, portal.Push.Endpoint("revoked"), browser.P256dh, browser.AuthText);
        portal.Push.Answer("gone", HttpStatusCode.Gone);
        var revokedDevice = await portal.WithDbAsync(db => db.AppDevices.OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync());
        await portal.WithDbAsync(db => db.AppDevices.Where(d => d.Id == revokedDevice)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.RevokedAt, DateTimeOffset.UtcNow)));

        await portal.ApprovedToAsync("Mesazh.", [groupId]);
        await portal.DispatchAsync();
        Assert.Equal(0, await RunAsync());

        Assert.Equal(["gone"], portal.Push.Received.Select(p => p.Subscription));
        Assert.Equal(1, await portal.WithDbAsync(db => db.AppPushSubscriptions.CountAsync()));
    }

    [Theory]
    [InlineData("http://fcm.googleapis.com/fcm/send/x", true, true)]
    [InlineData("https://evil.example.com/fcm/send/x", true, true)]
    [InlineData("https://fcm.googleapis.com.evil.example.com/x", true, true)]
    [InlineData("javascript:alert(1)", true, true)]
    [InlineData("https://fcm.googleapis.com/fcm/send/x", false, true)]
    [InlineData("https://fcm.googleapis.com/fcm/send/x", true, false)]
    public async Task A_subscription_the_browser_could_not_have_given_is_refused(string endpoint, bool goodKey, bool goodAuth)
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var person = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        using var member = await AppMemberScenario.BoundAsync(portal, await AppMemberScenario.InvitationAsync(portal, groupId, person.Id), Phone);
        using var browser = new WebPushKeys.Browser();
        var p256dh = goodKey ? browser.P256dh : "AAAA";
        var auth = goodAuth ? browser.AuthText : WebPushKeys.Base64Url(new byte[8]);

        Assert.Equal(HttpStatusCode.BadRequest, (await SubscribeAsync(member, endpoint, p256dh, auth)).StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.AppPushSubscriptions.AnyAsync()));
    }

    [Fact]
    public async Task A_known_push_service_is_accepted_and_the_same_subscription_sent_again_changes_nothing()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var person = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        using var member = await AppMemberScenario.BoundAsync(portal, await AppMemberScenario.InvitationAsync(portal, groupId, person.Id), Phone);
        using var browser = new WebPushKeys.Browser();
        const string Endpoint = "https://fcm.googleapis.com/fcm/send/dGVzdC1zdWJzY3JpcHRpb24";

        Assert.Equal(HttpStatusCode.NoContent, (await SubscribeAsync(member, Endpoint, browser.P256dh, browser.AuthText)).StatusCode);
        var first = await portal.WithDbAsync(db => db.AppPushSubscriptions.Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await SubscribeAsync(member, Endpoint, browser.P256dh, browser.AuthText)).StatusCode);

        Assert.Equal(first, await portal.WithDbAsync(db => db.AppPushSubscriptions.Select(s => s.Id).SingleAsync()));
        Assert.Equal(1, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "AppPushSubscription.Created")));
    }

    [Fact]
    public async Task A_browser_without_a_bound_device_cannot_subscribe()
    {
        using var stranger = portal.CreatePortalClient();
        using var browser = new WebPushKeys.Browser();

        Assert.Equal(HttpStatusCode.Unauthorized, (await SubscribeAsync(stranger, portal.Push.Endpoint("x"), browser.P256dh, browser.AuthText)).StatusCode);
    }

    private Task<int> RunAsync() => portal.WithServicesAsync(services =>
        services.GetRequiredService<PushSender>().RunOnceAsync("KQZ", "Keni një mesazh të ri nga KQZ-ja.", CancellationToken.None));

    /// <summary>What app.js does: the browser's PushSubscription as JSON, with the page's antiforgery token in the header.</summary>
    private static async Task<HttpResponseMessage> SubscribeAsync(PortalClient member, string endpoint, string p256dh, string auth)
    {
        var html = await member.GetHtmlAsync(AppMemberScenario.Inbox);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/app?handler=Subscribe")
        {
            Content = JsonContent.Create(new { endpoint, expirationTime = (long?)null, keys = new { p256dh, auth } }),
        };
        request.Headers.Add("RequestVerificationToken", PortalClient.AntiforgeryToken(html));
        return await member.Http.SendAsync(request);
    }
}
