using ElectionComms.Domain.Organisation;
using ElectionComms.Domain.Publishing;
using ElectionComms.FakePlatforms;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Messages;
using ElectionComms.Web.Features.Publishing;
using ElectionComms.Web.Tests.Features.Messages;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Publishing;

/// <summary>
/// The portal on its own database with a fake Telegram on loopback and a bot token for each demo Telegram account.
/// The in-process dispatcher is off; tests run <see cref="DeliveryDispatcher"/> themselves, as one or several workers.
/// </summary>
public class PublishingPortal : PortalFactory
{
    public const string AdministrationToken = "111111:fake-administrata-token";
    public const string AnnouncementsToken = "222222:fake-njoftime-token";

    /// <summary>The first business number of KZAZ 1 (+355690010001), as the Cloud API knows it.</summary>
    public const string WhatsAppNumber = "+355690010001";
    public const string WhatsAppPhoneNumberId = "106540352242922";
    public const string WhatsAppAccessToken = "EAAfakeWhatsAppAccessTokenForKzaz1";

    /// <summary>The secret @kqz_administrata's webhook is set with (issue 14).</summary>
    public const string WebhookSecret = "kqz-administrata-webhook-secret_1";
    public const string WhatsAppAppSecret = "fake-whatsapp-app-secret";
    public const string WhatsAppVerifyToken = "fake-verify-token";

    /// <summary>The portal's VAPID key pair for Web Push to the KQZ app (issue 20).</summary>
    public static readonly (string Public, string Private) Vapid = MemberApp.WebPushKeys.Vapid();

    private FakeTelegram? telegram;
    private FakeWhatsApp? whatsApp;
    private FakePushService? push;

    public PublishingPortal()
        : this("publishing")
    {
    }

    protected PublishingPortal(string databaseSuffix)
        : base(databaseSuffix, kestrel: false)
    {
    }

    public FakeTelegram Telegram => telegram ?? throw new InvalidOperationException("Not started.");

    public FakeWhatsApp WhatsApp => whatsApp ?? throw new InvalidOperationException("Not started.");

    public FakePushService Push => push ?? throw new InvalidOperationException("Not started.");

    public override async Task InitializeAsync()
    {
        telegram = await FakeTelegram.StartAsync();
        whatsApp = await FakeWhatsApp.StartAsync();
        push = await FakePushService.StartAsync();
        whatsApp.AddNumber(WhatsAppPhoneNumberId, WhatsAppAccessToken);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (telegram is not null)
        {
            await telegram.DisposeAsync();
        }

        if (whatsApp is not null)
        {
            await whatsApp.DisposeAsync();
        }

        if (push is not null)
        {
            await push.DisposeAsync();
        }
    }

    /// <summary>An officer's message to their first group, submitted and approved by the director (with a step-up).</summary>
    public async Task<Guid> ApprovedAsync(string text = "Mbledhja e KZAZ-së nesër në orën 10:00.") =>
        await ApproveAsync(await MessageScenario.SubmittedAsync(this, text));

    /// <summary>The officer, assigned to <paramref name="groupIds"/> first, sends one message to all of them; the director approves.</summary>
    public async Task<Guid> ApprovedToAsync(string text, IReadOnlyCollection<int> groupIds)
    {
        await AssignOfficerAsync(groupIds);
        using var client = CreatePortalClient();
        await client.SignInAsync(DemoAccounts.CommunicationOfficer);
        var id = await MessageScenario.DraftAsync(client, text, [.. groupIds]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await MessageScenario.SubmitAsync(client, id)).StatusCode);
        return await ApproveAsync(id);
    }

    /// <summary>The officer, assigned to the group first, sends a message asking for confirmation (issue 14 item 6); the director approves.</summary>
    public async Task<Guid> ApprovedWithButtonAsync(int groupId, string text)
    {
        await AssignOfficerAsync([groupId]);
        using var officer = CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var response = await officer.PostFormAsync("/Messages/Edit",
            [new("Input.TextSq", text), new("Input.GroupIds", groupId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.AsksAcknowledgement", "true")]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await MessageScenario.SubmitAsync(officer, id)).StatusCode);
        return await ApproveAsync(id);
    }

    /// <summary>The officer drafts a message with a file to one group through the form, submits it; the director approves.</summary>
    public async Task<Guid> ApprovedWithFileAsync(string text, int groupId, string fileName, byte[] content)
    {
        await AssignOfficerAsync([groupId]);
        using var officer = CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var token = PortalClient.AntiforgeryToken(await officer.GetHtmlAsync("/Messages/Edit"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(text), "Input.TextSq" },
            { new StringContent(groupId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.GroupIds" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Input.Attachment", fileName },
        };
        var response = await officer.Http.PostAsync("/Messages/Edit", form);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        var submitted = await MessageScenario.SubmitAsync(officer, id);
        Assert.True(submitted.StatusCode == System.Net.HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await submitted.Content.ReadAsStringAsync(), "alert-danger[^>]*>([^<]*)").Groups[1].Value);
        return await ApproveAsync(id);
    }

    public Task<int> AssignOfficerAsync(IReadOnlyCollection<int> groupIds) => WithDbAsync(async db =>
    {
        var officer = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.CommunicationOfficer.Email);
        foreach (var group in await db.Groups.Include(g => g.Officers).Where(g => groupIds.Contains(g.Id)).ToListAsync())
        {
            if (group.Officers.All(o => o.StaffMemberId != officer.Id))
            {
                group.AssignOfficer(officer, officer.Id, DateTimeOffset.UtcNow);
            }
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>The director approves a submitted message, with a step-up on record.</summary>
    public async Task<Guid> ApproveAsync(Guid id)
    {
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var director = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
            if (!await db.StepUpVerifications.AnyAsync(s => s.UserId == director.Id))
            {
                db.StepUpVerifications.Add(new StepUpVerification { UserId = director.Id, VerifiedAt = DateTimeOffset.UtcNow });
            }
            else
            {
                (await db.StepUpVerifications.SingleAsync(s => s.UserId == director.Id)).VerifiedAt = DateTimeOffset.UtcNow;
            }

            await db.SaveChangesAsync();
            var decisions = services.GetRequiredService<MessageDecisions>();
            var opened = (await decisions.OpenAsync(id, new CurrentStaff(director.Id, StaffRole.Director, director.DirectorateId, string.Empty)))!;
            await decisions.ApproveAsync(opened, opened.Message.CurrentContentHash);
        });
        return id;
    }

    /// <summary>The director, with a fresh step-up, recalls the message on its page; the client stays signed in for more looks.</summary>
    public async Task<PortalClient> RecalledByDirectorAsync(Guid id)
    {
        var director = CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        await MessageScenario.StepUpAsync(director, DemoAccounts.AdministrationDirector);
        var page = MessageScenario.Details(id);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await director.PostFormAsync(page, [new("Input.Reason", "Gabim.")], page + "?handler=Recall")).StatusCode);
        return director;
    }

    /// <summary>@kqz_administrata's webhook as Telegram calls it (with the bot's secret): the update as stored, or the refusal.</summary>
    public async Task<HttpResponseMessage> PostTelegramUpdateAsync(System.Text.Json.Nodes.JsonObject update)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram/kqz_administrata")
        {
            Content = new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", WebhookSecret);
        return await client.SendAsync(request);
    }

    /// <summary>Telegram delivers <paramref name="update"/> and the portal handles it, bot calls included.</summary>
    public async Task SendTelegramUpdateAsync(System.Text.Json.Nodes.JsonObject update)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, (await PostTelegramUpdateAsync(update)).StatusCode);
        await ProcessEventsAsync();
    }

    /// <summary>Processes the inbox and makes the bots' calls until nothing is waiting, as the platform-events service would.</summary>
    public Task<int> ProcessEventsAsync() => WithServicesAsync(async services =>
    {
        var processor = services.GetRequiredService<ElectionComms.Web.Features.PlatformEvents.UpdateProcessor>();
        var sender = services.GetRequiredService<ElectionComms.Web.Features.PlatformEvents.BotActionSender>();
        var n = 0;
        while (await processor.ProcessNextAsync(CancellationToken.None) || await sender.SendNextAsync(CancellationToken.None))
        {
            n++;
        }

        return n;
    });

    /// <summary>Runs one dispatcher until nothing is due, in its own scope, as <paramref name="worker"/>.</summary>
    public Task<int> DispatchAsync(string worker = "test-1") =>
        WithServicesAsync(services => services.GetRequiredService<DeliveryDispatcher>().RunOnceAsync(worker, CancellationToken.None));

    public Task<List<Delivery>> DeliveriesAsync(Guid messageId) =>
        WithDbAsync(db => db.Deliveries.AsNoTracking().Where(d => d.MessageId == messageId).OrderBy(d => d.GroupId).ToListAsync());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Publishing:Telegram:BaseUrl", Telegram.BaseUrl.ToString());
        builder.UseSetting("Publishing:Telegram:TimeoutSeconds", "5");
        builder.UseSetting("Publishing:Telegram:Tokens:kqz_administrata", AdministrationToken);
        builder.UseSetting("Publishing:Telegram:Tokens:kqz_njoftime", AnnouncementsToken);
        builder.UseSetting("Publishing:WhatsApp:BaseUrl", WhatsApp.BaseUrl.ToString());
        builder.UseSetting("Publishing:WhatsApp:TimeoutSeconds", "5");
        builder.UseSetting("MemberApp:VapidPublicKey", Vapid.Public);
        builder.UseSetting("MemberApp:VapidPrivateKey", Vapid.Private);
        builder.UseSetting("MemberApp:PushSender", "false");
        builder.UseSetting("MemberApp:AllowLoopbackPush", "true");
        builder.UseSetting($"Publishing:WhatsApp:Numbers:{WhatsAppNumber.TrimStart('+')}:PhoneNumberId", WhatsAppPhoneNumberId);
        builder.UseSetting($"Publishing:WhatsApp:Numbers:{WhatsAppNumber.TrimStart('+')}:AccessToken", WhatsAppAccessToken);
        builder.UseSetting("Publishing:RetryBaseSeconds", "1");
        builder.UseSetting("PlatformEvents:TelegramSecrets:kqz_administrata", WebhookSecret);
        builder.UseSetting("PlatformEvents:WhatsAppAppSecret", WhatsAppAppSecret);
        builder.UseSetting("PlatformEvents:WhatsAppVerifyToken", WhatsAppVerifyToken);
        builder.UseSetting("PlatformEvents:AcknowledgementKey", "test-acknowledgement-key-0123456789");

        // Pacing is PacingTests' subject (PacingPortal); here the other rules are tested without its waits.
        builder.UseSetting("Publishing:MessagesPerMinutePerGroup", "0");
        builder.UseSetting("Publishing:Telegram:MessagesPerSecondPerBot", "0");
        builder.UseSetting("Publishing:WhatsApp:MessagesPerSecond", "0");
    }

    /// <summary>Runs dispatchers until none of the messages has a delivery still on its way, or the deadline passes.</summary>
    public async Task DispatchUntilSettledAsync(IReadOnlyCollection<Guid> messageIds, int dispatchers, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (DateTimeOffset.UtcNow < until)
        {
            await Task.WhenAll(Enumerable.Range(1, dispatchers).Select(n => Task.Run(() => DispatchAsync($"worker-{n}"))));
            var open = await WithDbAsync(db => db.Deliveries.CountAsync(d => messageIds.Contains(d.MessageId) && (d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Sending)));
            if (open == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("Deliveries still open after " + deadline);
    }
}

[CollectionDefinition(Name)]
public sealed class PublishingCollection : ICollectionFixture<PublishingPortal>
{
    public const string Name = "Publishing";
}
