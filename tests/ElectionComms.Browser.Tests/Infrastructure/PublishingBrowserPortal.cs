using ElectionComms.FakePlatforms;
using Microsoft.AspNetCore.Hosting;

namespace ElectionComms.Browser.Tests.Infrastructure;

/// <summary>
/// The browser portal with its own dispatcher running, as in production, and a fake Telegram Bot API on loopback
/// for the demo bot of @kqz_administrata: an approval is sent, and the platform's updates posted to the webhook are
/// processed, without the test lifting a finger.
/// </summary>
public sealed class PublishingBrowserPortal() : BrowserPortal("browser_publishing")
{
    public const string Token = "333333:fake-browser-administrata-token";
    public const string WebhookSecret = "browser-webhook-secret";

    private FakeTelegram? telegram;

    public FakeTelegram Telegram => telegram ?? throw new InvalidOperationException("Not started.");

    public override async Task InitializeAsync()
    {
        telegram = await FakeTelegram.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (telegram is not null)
        {
            await telegram.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Publishing:Dispatcher", "true");
        builder.UseSetting("Publishing:Telegram:BaseUrl", Telegram.BaseUrl.ToString());
        builder.UseSetting("Publishing:Telegram:Tokens:kqz_administrata", Token);
        builder.UseSetting("PlatformEvents:Processor", "true");
        builder.UseSetting("PlatformEvents:TelegramSecrets:kqz_administrata", WebhookSecret);
        builder.UseSetting("PlatformEvents:AcknowledgementKey", "browser-acknowledgement-key-0123456789");
    }
}

[CollectionDefinition(Name)]
public sealed class PublishingBrowserCollection : ICollectionFixture<PublishingBrowserPortal>
{
    public const string Name = "PublishingBrowser";
}
