using System.Net;
using System.Security.Cryptography;
using System.Text;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Tests.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.PlatformEvents;

/// <summary>Issue 14 item 1: the webhooks trust nothing, and store nothing they refused.</summary>
[Collection(PublishingCollection.Name)]
public sealed class WebhookSecurityTests(PublishingPortal portal) : IAsyncLifetime
{
    private const string Telegram = "/webhooks/telegram/kqz_administrata";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string?, string, string, HttpStatusCode> RefusedTelegram() => new()
    {
        { null, Telegram, """{"update_id":1,"message":{}}""", HttpStatusCode.Unauthorized },
        { "wrong-secret", Telegram, """{"update_id":1,"message":{}}""", HttpStatusCode.Unauthorized },
        { PublishingPortal.WebhookSecret + "x", Telegram, """{"update_id":1,"message":{}}""", HttpStatusCode.Unauthorized },
        { PublishingPortal.WebhookSecret, "/webhooks/telegram/kqz_njoftime", """{"update_id":1,"message":{}}""", HttpStatusCode.Unauthorized },
        { PublishingPortal.WebhookSecret, Telegram, """{"update_id":1,"message":""", HttpStatusCode.BadRequest },
        { PublishingPortal.WebhookSecret, Telegram, """{"message":{"text":"no id"}}""", HttpStatusCode.BadRequest },
        { PublishingPortal.WebhookSecret, Telegram, """{"update_id":"7","message":{}}""", HttpStatusCode.BadRequest },
        { PublishingPortal.WebhookSecret, Telegram, """[{"update_id":1}]""", HttpStatusCode.BadRequest },
        { PublishingPortal.WebhookSecret, Telegram, "{\"update_id\":1,\"message\":{\"text\":\"" + new string('a', 300_000) + "\"}}", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(RefusedTelegram))]
    public async Task A_telegram_webhook_without_the_secret_or_with_a_bad_body_is_refused_and_nothing_is_stored(string? secret, string path, string body, HttpStatusCode expected)
    {
        var response = await PostAsync(path, body, secret is null ? [] : [("X-Telegram-Bot-Api-Secret-Token", secret)]);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.InboxUpdates.CountAsync()));
    }

    [Fact]
    public async Task A_good_telegram_update_is_stored_raw_once_however_often_it_comes()
    {
        const string body = """{"update_id":424242,  "my_chat_member":{"chat":{"id":-1001,"type":"supergroup"}}}""";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(Telegram, body, [("X-Telegram-Bot-Api-Secret-Token", PublishingPortal.WebhookSecret)])).StatusCode);
        }

        var stored = await portal.WithDbAsync(db => db.InboxUpdates.AsNoTracking().SingleAsync());
        Assert.Equal((Platform.Telegram, "@kqz_administrata", "424242", "my_chat_member"), (stored.Platform, stored.Account, stored.Key, stored.Kind));
        Assert.Equal(body, stored.Body);
        Assert.Null(stored.ProcessedAt);
    }

    [Fact]
    public async Task The_whatsapp_verification_echoes_the_challenge_only_for_the_configured_token()
    {
        using var client = portal.CreateClient();
        var good = await client.GetAsync($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={PublishingPortal.WhatsAppVerifyToken}&hub.challenge=1158201444");
        var bad = await client.GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("1158201444", await good.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
        Assert.DoesNotContain("1158201444", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whatsapp_notification_is_stored_per_change_only_with_the_signature_of_its_raw_body()
    {
        const string body = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[
              {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"355690010001","phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.5001","status":"delivered","timestamp":"1733300000","recipient_id":"Y2FwaV9ncm91cA","recipient_type":"group"}]}},
              {"field":"group_participants_update","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"355690010001","phone_number_id":"106540352242922"},"groups":[{"group_id":"Y2FwaV9ncm91cA","type":"group_participants_add","added_participants":[{"input":"+355691234567"}]}]}}]}]}
            """;
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PublishingPortal.WhatsAppAppSecret), Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/webhooks/whatsapp", body, [])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/webhooks/whatsapp", body, [("X-Hub-Signature-256", "sha256=" + new string('0', 64))])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/webhooks/whatsapp", body + " ", [("X-Hub-Signature-256", signature)])).StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.InboxUpdates.CountAsync()));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/webhooks/whatsapp", body, [("X-Hub-Signature-256", signature)])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/webhooks/whatsapp", body, [("X-Hub-Signature-256", signature.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal))])).StatusCode);

        var stored = await portal.WithDbAsync(db => db.InboxUpdates.AsNoTracking().OrderBy(u => u.Id).ToListAsync());
        Assert.Equal(["whatsapp:messages", "whatsapp:group_participants_update"], stored.Select(u => u.Kind));
        Assert.All(stored, u => Assert.Equal(("106540352242922", Platform.WhatsApp), (u.Account, u.Platform)));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body, (string Name, string Value)[] headers)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request);
    }
}
