using ElectionComms.Web.Auth;
using ElectionComms.Web.Features.Messages;

namespace ElectionComms.Web.Setup;

internal static class MessagesSetup
{
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.AddScoped<MessageAccess>();
        services.AddScoped<StepUp>();
        services.AddScoped<MessageDecisions>();
        services.AddScoped<AcknowledgementReport>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, MessageAuthorizationHandler>();
        services.AddScoped<MessageExpiry>();
        services.AddHostedService<MessageExpiryService>();
        services.AddScoped<ElectionComms.Web.Data.Seed.MessagesSeeder>();
        return services;
    }
}
