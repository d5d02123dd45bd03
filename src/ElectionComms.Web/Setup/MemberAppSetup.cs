using ElectionComms.Web.Common;
using ElectionComms.Web.Features.MemberApp;

namespace ElectionComms.Web.Setup;

internal static class MemberAppSetup
{
    /// <summary>The KQZ's own app (issue 20): device sessions, the member's inbox, and Web Push.</summary>
    public static IServiceCollection AddMemberApp(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MemberAppOptions.Section);
        services.Configure<MemberAppOptions>(section);
        services.AddSingleton<AppBindTickets>();
        services.AddScoped<MemberSession>();
        services.AddScoped<MemberInbox>();
        services.AddScoped<PushSender>();

        // The push services get only the encrypted payload and the VAPID token; nothing here is worth a request log.
        services.AddHttpClient(PushSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        var settings = section.Get<MemberAppOptions>() ?? new MemberAppOptions();
        if (settings.PushSender && settings.PushEnabled)
        {
            services.AddHostedService<PushService>();
        }

        return services;
    }
}
