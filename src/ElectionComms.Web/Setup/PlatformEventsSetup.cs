using ElectionComms.Web.Features.PlatformEvents;

namespace ElectionComms.Web.Setup;

internal static class PlatformEventsSetup
{
    public const string SetWebhooksSwitch = "--set-webhooks";

    public static IServiceCollection AddPlatformEvents(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(PlatformEventsOptions.Section);
        services.Configure<PlatformEventsOptions>(section);
        services.AddScoped<Inbox>();
        services.AddScoped<MemberDecisions>();
        services.AddScoped<UpdateProcessor>();
        services.AddScoped<BotActionSender>();
        services.AddScoped<MembershipSweep>();
        services.AddScoped<AdministratorCheck>();
        services.AddScoped<StaffLinks>();
        if (section.GetValue(nameof(PlatformEventsOptions.Processor), true))
        {
            services.AddHostedService<PlatformEventsService>();
        }

        if (string.Equals(section.GetValue<string>(nameof(PlatformEventsOptions.TelegramMode)), "Poll", StringComparison.OrdinalIgnoreCase))
        {
            services.AddHostedService<TelegramPolling>();
        }

        return services;
    }

    /// <summary>The webhooks: anonymous (the platforms sign in with their secret or signature), no antiforgery, no cookies.</summary>
    public static WebApplication MapPlatformWebhooks(this WebApplication app)
    {
        app.MapPost(TelegramWebhook.Path, TelegramWebhook.ReceiveAsync).AllowAnonymous().DisableAntiforgery();
        app.MapGet(WhatsAppWebhook.Path, WhatsAppWebhook.Verify).AllowAnonymous();
        app.MapPost(WhatsAppWebhook.Path, WhatsAppWebhook.ReceiveAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    /// <summary><c>--set-webhooks https://portal.example</c>: registers every bot's webhook and exits (non-zero when one failed).</summary>
    public static async Task<int> SetWebhooksAsync(string[] args)
    {
        var at = Array.IndexOf(args, SetWebhooksSwitch);
        if (at + 1 >= args.Length || !Uri.TryCreate(args[at + 1], UriKind.Absolute, out var baseUrl) || baseUrl.Scheme != Uri.UriSchemeHttps)
        {
            await Console.Error.WriteLineAsync($"Usage: {SetWebhooksSwitch} https://<the portal's public address>");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(args.Where((_, i) => i != at && i != at + 1).ToArray());
        builder.Services.AddDataAccess(builder.Configuration).AddPublishing(builder.Configuration).AddPlatformEvents(builder.Configuration);
        builder.Configuration[$"{PlatformEventsOptions.Section}:{nameof(PlatformEventsOptions.Processor)}"] = "false";
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        return await TelegramUpdates.RegisterAsync(scope.ServiceProvider, baseUrl, Console.Out, CancellationToken.None) == 0 ? 0 : 1;
    }
}
