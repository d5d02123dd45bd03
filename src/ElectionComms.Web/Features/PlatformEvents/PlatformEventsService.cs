using System.Globalization;
using ElectionComms.Web.Localisation;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// Runs the inbox, the bots' calls, the §11 sweep and the §7 administrator check in this process (issue 14): woken by NOTIFY on
/// "platform_updates" (a stored update) and "bot_actions" (a decision), otherwise every few seconds and at the next
/// sweep. Any number may run against one database: claims are row locks with SKIP LOCKED. Bot texts are Albanian,
/// the language of the people they go to.
/// </summary>
public sealed partial class PlatformEventsService(IServiceScopeFactory scopes, IConfiguration configuration, IOptions<PlatformEventsOptions> options, TimeProvider clock, ILogger<PlatformEventsService> logger)
    : Common.RestartingService(clock)
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Albanian);
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Default"));
        await connection.OpenAsync(stoppingToken);
        var woken = 0;
        connection.Notification += (_, _) => Interlocked.Exchange(ref woken, 1);
        await using (var listen = new NpgsqlCommand($"LISTEN {Inbox.Channel}; LISTEN bot_actions", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            Interlocked.Exchange(ref woken, 0);
            await WorkAsync(stoppingToken);
            if (Clock.GetUtcNow() >= nextSweep)
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MembershipSweep>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<AdministratorCheck>().RunDueAsync(stoppingToken);
                nextSweep = Clock.GetUtcNow().AddSeconds(Math.Max(1, options.Value.SweepSeconds));
                continue;
            }

            if (Volatile.Read(ref woken) == 1)
            {
                continue;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(Idle);
            try
            {
                await connection.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // No notification: look again anyway (a retry that came due, a sweep).
            }
        }
    }

    /// <summary>Everything waiting: the inbox first (decisions), then the calls they asked for. One scope per hundred, so the change tracker stays small.</summary>
    public async Task WorkAsync(CancellationToken stoppingToken)
    {
        bool more;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetRequiredService<UpdateProcessor>();
            var n = 0;
            while (n < 100 && await processor.ProcessNextAsync(stoppingToken))
            {
                n++;
            }

            var sender = scope.ServiceProvider.GetRequiredService<BotActionSender>();
            var m = 0;
            while (m < 100 && await sender.SendNextAsync(stoppingToken))
            {
                m++;
            }

            more = n == 100 || m == 100;
        }
        while (more && !stoppingToken.IsCancellationRequested);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Platform events stopped on an error; they start again in a second")]
    protected override partial void LogFault(Exception exception);
}
