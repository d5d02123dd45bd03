using System.Net;
using System.Security.Cryptography;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Publishing;
using ElectionComms.FakePlatforms;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Messages;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Publishing;

/// <summary>
/// Issue 13 item 5: a WhatsApp group that a business number created through the Cloud API, reached with
/// <c>recipient_type: "group"</c>; files uploaded first and sent by media id; the Graph API's errors classified.
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class WhatsAppDeliveryTests(PublishingPortal portal) : IAsyncLifetime
{
    private const string GroupId = "Y2FwaV9ncm91cDozNTU2OTAwMTAwMDE6MTIwMzYzMzk0MzIwMjMzMDg3";

    public Task InitializeAsync()
    {
        portal.Telegram.Reset();
        portal.WhatsApp.Reset();
        return portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_approved_text_goes_to_the_cloud_api_group_in_whatsapp_markup_and_the_message_is_published()
    {
        var id = await ApprovedToCloudGroupAsync("*Kujdes:* mbledhja e `KQV 12` është nesër.");

        await portal.DispatchAsync();

        var call = Assert.Single(portal.WhatsApp.Calls);
        Assert.Equal(("v23.0", PublishingPortal.WhatsAppPhoneNumberId, "messages"), (call.Version, call.PhoneNumberId, call.Edge));
        Assert.Equal(PublishingPortal.WhatsAppAccessToken, call.Bearer);
        Assert.Equal("whatsapp", call.Body["messaging_product"]!.ToString());
        Assert.Equal("group", call.Body["recipient_type"]!.ToString());
        Assert.Equal(GroupId, call.To);
        Assert.Equal("text", call.Body["type"]!.ToString());
        Assert.Equal("*Kujdes:* mbledhja e ```KQV 12``` është nesër.", call.Body["text"]!["body"]!.ToString());
        Assert.Empty(portal.Telegram.Calls);

        var delivery = Assert.Single(await portal.DeliveriesAsync(id));
        Assert.Equal((DeliveryStatus.Sent, DeliveryMethod.Api), (delivery.Status, delivery.Method));
        Assert.StartsWith("wamid.", delivery.PlatformMessageId, StringComparison.Ordinal);
        Assert.Equal(MessageStatus.Published, await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_pdf_is_uploaded_then_sent_as_a_document_with_the_text_as_caption()
    {
        var pdf = "%PDF-1.7\n%udhezim per GNV\n"u8.ToArray();
        var id = await ApprovedToCloudGroupAsync("Udhëzimi është bashkëngjitur.", ("udhezimi.pdf", pdf));

        await portal.DispatchAsync();

        var calls = portal.WhatsApp.Calls.ToList();
        Assert.Equal(["media", "messages"], calls.Select(c => c.Edge));
        var file = Assert.Single(calls[0].Files);
        Assert.Equal(("file", "udhezimi.pdf", "application/pdf"), (file.Field, file.FileName, file.ContentType));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), file.Sha256);
        Assert.Equal("whatsapp", calls[0].Body["messaging_product"]!.ToString());
        var document = calls[1].Body["document"]!;
        Assert.Equal("document", calls[1].Body["type"]!.ToString());
        Assert.StartsWith("media", document["id"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("Udhëzimi është bashkëngjitur.", document["caption"]!.ToString());
        Assert.Equal("udhezimi.pdf", document["filename"]!.ToString());
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await portal.DeliveriesAsync(id)).Status);
    }

    [Fact]
    public async Task A_throughput_refusal_waits_and_sends_again_later()
    {
        var id = await ApprovedToCloudGroupAsync("Njoftim.");
        portal.WhatsApp.Script(GroupId, attempt => attempt == 1
            ? FakeWhatsApp.Error(HttpStatusCode.BadRequest, 130429, "(#130429) Rate limit hit")
            : new FakeWhatsApp.Answer(HttpStatusCode.OK, """{"messaging_product":"whatsapp","messages":[{"id":"wamid.second"}]}"""));

        await portal.DispatchAsync();

        var waiting = Assert.Single(await portal.DeliveriesAsync(id));
        Assert.Equal(DeliveryStatus.Queued, waiting.Status);
        Assert.Contains("130429", waiting.Reason, StringComparison.Ordinal);
        Assert.True(waiting.NotBefore > DateTimeOffset.UtcNow.AddMilliseconds(-100), "a retry is put off, not made at once");
        await portal.WithDbAsync(db => db.Deliveries.Where(d => d.Id == waiting.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.NotBefore, DateTimeOffset.UtcNow)));
        await portal.DispatchAsync();

        var sent = Assert.Single(await portal.DeliveriesAsync(id));
        Assert.Equal((DeliveryStatus.Sent, "wamid.second", 2), (sent.Status, sent.PlatformMessageId, sent.Attempts));
    }

    [Fact]
    public async Task An_unknown_group_fails_at_once_and_goes_on_the_problem_list()
    {
        var id = await ApprovedToCloudGroupAsync("Njoftim.");
        portal.WhatsApp.Script(GroupId, _ => FakeWhatsApp.Error(HttpStatusCode.BadRequest, 131009, "(#131009) Parameter value is not valid"));

        await portal.DispatchAsync();

        var failed = Assert.Single(await portal.DeliveriesAsync(id));
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal("WhatsApp 400 (131009): (#131009) Parameter value is not valid", failed.Reason);
        Assert.Single(portal.WhatsApp.Calls);
        Assert.NotNull(await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == failed.GroupId).Select(g => g.DeliveryProblem).SingleAsync()));
    }

    [Fact]
    public async Task A_refused_token_fails_the_delivery_without_blaming_the_group_and_never_shows_the_token()
    {
        var id = await ApprovedToCloudGroupAsync("Njoftim.");
        portal.WhatsApp.AddNumber(PublishingPortal.WhatsAppPhoneNumberId, "a-token-the-portal-does-not-have");
        try
        {
            await portal.DispatchAsync();
        }
        finally
        {
            portal.WhatsApp.AddNumber(PublishingPortal.WhatsAppPhoneNumberId, PublishingPortal.WhatsAppAccessToken);
        }

        var failed = Assert.Single(await portal.DeliveriesAsync(id));
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.StartsWith("WhatsApp 401 (190):", failed.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(PublishingPortal.WhatsAppAccessToken, failed.Reason, StringComparison.Ordinal);
        Assert.Null(await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == failed.GroupId).Select(g => g.DeliveryProblem).SingleAsync()));
    }

    [Fact]
    public async Task A_recall_of_a_whatsapp_post_is_refused_by_the_platform_rule_and_calls_nothing()
    {
        var id = await ApprovedToCloudGroupAsync("Njoftim.");
        await portal.DispatchAsync();
        using var director = await portal.RecalledByDirectorAsync(id);

        await portal.DispatchAsync();

        var delivery = Assert.Single(await portal.DeliveriesAsync(id));
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Contains("WhatsApp does not let a business delete", delivery.Reason, StringComparison.Ordinal);
        Assert.Equal(["messages"], portal.WhatsApp.Calls.Select(c => c.Edge));
    }

    [Fact]
    public async Task The_group_page_says_the_cloud_api_limits()
    {
        var groupId = await CloudGroupAsync();
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);

        var html = await director.GetHtmlAsync($"/Channels/Groups/Details/{groupId}");

        Assert.Contains("më së shumti 8 pjesëmarrës", html, StringComparison.Ordinal);
        Assert.Contains("10.000 grupe për një numër biznesi", html, StringComparison.Ordinal);
    }

    /// <summary>The first KQV group of KZAZ 1 (number +355690010001), made a Cloud API group.</summary>
    private Task<int> CloudGroupAsync() => portal.WithDbAsync(async db =>
    {
        var group = await db.Groups
            .Where(g => g.Platform == Platform.WhatsApp && db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.Handle == PublishingPortal.WhatsAppNumber) && !g.IsTestGroup)
            .OrderBy(g => g.Id).FirstAsync();
        group.ChangePlatformId(GroupId);
        await db.SaveChangesAsync();
        return group.Id;
    });

    private async Task<Guid> ApprovedToCloudGroupAsync(string text, (string Name, byte[] Content)? file = null)
    {
        var groupId = await CloudGroupAsync();
        return file is { } attached
            ? await portal.ApprovedWithFileAsync(text, groupId, attached.Name, attached.Content)
            : await portal.ApprovedToAsync(text, [groupId]);
    }
}
