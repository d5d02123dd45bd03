using ElectionComms.Web.Setup;
using Serilog;

if (args.Contains(DispatcherHost.Switch))
{
    await DispatcherHost.RunAsync(args);
    return 0;
}

if (args.Contains(PlatformEventsSetup.SetWebhooksSwitch))
{
    return await PlatformEventsSetup.SetWebhooksAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

// preserveStaticLogger: each host keeps its own logger; with the default, every host in one process (tests, or the
// portal beside a dispatcher) logs through whichever static Log.Logger was set last.
builder.Host.UseSerilog(
    (context, services, logger) => logger.ReadFrom.Configuration(context.Configuration).ReadFrom.Services(services),
    preserveStaticLogger: true);

builder.Services
    .AddDataAccess(builder.Configuration)
    .AddSeveralInstances(builder.Configuration)
    .AddSignIn(builder.Configuration)
    .AddPortalAuthorization()
    .AddPortalPages()
    .AddMessages()
    .AddPublishing(builder.Configuration)
    .AddPlatformEvents(builder.Configuration)
    .AddInvitations(builder.Configuration)
    .AddMemberApp(builder.Configuration);

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UsePortalPipeline();
app.MapPlatformWebhooks();

await app.RunAsync();
return 0;

/// <summary>Entry point, public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
