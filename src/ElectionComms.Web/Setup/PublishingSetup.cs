using ElectionComms.Web.Common;
using ElectionComms.Web.Features.Publishing;

namespace ElectionComms.Web.Setup;

internal static class PublishingSetup
{
    public static IServiceCollection AddPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublishingOptions>(configuration.GetSection(PublishingOptions.Section));

        // No request logging on this client: Telegram puts the bot token in the URL path (issue 13 item 9).
        services.AddOptions<TelegramOptions>().BindConfiguration($"{PublishingOptions.Section}:{nameof(PublishingOptions.Telegram)}");
        services.AddHttpClient(TelegramBots.HttpClientName).RemoveAllLoggers();
        services.AddScoped<TelegramBots>();
        services.AddSingleton<AcknowledgementCodes>();
        services.AddScoped<IPlatformConnector, TelegramConnector>();

        // The Cloud API token travels in the Authorization header; no request logging here either.
        services.AddHttpClient(WhatsAppConnector.HttpClientName).RemoveAllLoggers();
        services.AddScoped<IPlatformConnector, WhatsAppConnector>();

        // The KQZ's own app (§4 b, issue 20): the portal's database is the platform.
        services.AddScoped<IPlatformConnector, AppConnector>();
        services.AddScoped<DeliveryDispatcher>();
        services.AddScoped<ManualPosting>();
        if (configuration.GetValue($"{PublishingOptions.Section}:{nameof(PublishingOptions.Dispatcher)}", true))
        {
            services.AddHostedService<DispatcherService>();
        }

        return services;
    }
}
