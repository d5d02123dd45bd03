using Serilog;

namespace ElectionComms.Web.Setup;

/// <summary>
/// The portal's binary as a dispatcher only (<c>--dispatcher</c>, docs/deployment.md): the same data access and the
/// same <see cref="Features.Publishing.DispatcherService"/>, no web server. Any number may run beside the portals.
/// </summary>
internal static class DispatcherHost
{
    public const string Switch = "--dispatcher";

    public static async Task RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args.Where(a => a != Switch).ToArray());
        builder.Configuration[$"{Features.Publishing.PublishingOptions.Section}:{nameof(Features.Publishing.PublishingOptions.Dispatcher)}"] = "true";
        builder.Services.AddSerilog((services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services), preserveStaticLogger: true);
        builder.Services.AddDataAccess(builder.Configuration).AddPublishing(builder.Configuration);
        await builder.Build().RunAsync();
    }
}
