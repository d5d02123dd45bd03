using ElectionComms.Web.Auth;
using ElectionComms.Web.Pages.Messages;

namespace ElectionComms.Web.Setup;

internal static class MessagingSetup
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddScoped<MessageAccess>();
        services.AddScoped<StepUp>();
        services.AddScoped<MessageExpiry>();
        services.AddHostedService<MessageExpiryService>();
        services.AddScoped<ElectionComms.Web.Data.Seed.MessagesSeeder>();
        return services;
    }
}
