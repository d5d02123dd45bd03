using System.Globalization;
using ElectionComms.Web.Localisation;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.MemberApp;

/// <summary>Runs <see cref="PushSender"/> every few seconds in this process (issue 20 item 5); any number may run, a device is at worst told twice.</summary>
public sealed partial class PushService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PushService> logger) : Common.RestartingService(clock)
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        // Notifications go to members, whose language is Albanian.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Albanian);
        while (!stoppingToken.IsCancellationRequested)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Strings>>();
                await scope.ServiceProvider.GetRequiredService<PushSender>()
                    .RunOnceAsync(text["MemberApp.PushTitle"], text["MemberApp.PushBody"], stoppingToken);
            }

            await Task.Delay(Pause, Clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "App notifications stopped on an error; they start again in a second")]
    protected override partial void LogFault(Exception exception);
}
