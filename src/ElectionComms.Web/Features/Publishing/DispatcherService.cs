using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ElectionComms.Web.Features.Publishing;

/// <summary>
/// Runs <see cref="DeliveryDispatcher"/> in this process: woken within a second of a new or re-queued delivery by
/// PostgreSQL's NOTIFY on channel "deliveries" (trigger <c>deliveries_notify</c>), and otherwise at the next due
/// send time or every <see cref="PublishingOptions.IdleSeconds"/>, whichever is first. Any number of these may run
/// against one database, in portal processes or on their own (<c>--dispatcher</c>, docs/deployment.md).
/// </summary>
public sealed partial class DispatcherService(
    IServiceScopeFactory scopes, IOptions<PublishingOptions> options, TimeProvider clock, ILogger<DispatcherService> logger)
    : Common.RestartingService(clock)
{
    /// <summary>Names this dispatcher in the claims it holds: machine, process and a random part.</summary>
    public string Worker { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>().Database.GetConnectionString()!;
        }

        // Its own connection, held open for LISTEN; the dispatcher's work goes through the usual pooled ones.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stoppingToken);
        var woken = 0;
        connection.Notification += (_, _) => Interlocked.Exchange(ref woken, 1);
        await using (var listen = new NpgsqlCommand("LISTEN deliveries", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            Interlocked.Exchange(ref woken, 0);
            // Several senders at once, each with its own connection and claims; pacing holds across all of them.
            var workers = Math.Max(1, options.Value.Workers);
            await Task.WhenAll(Enumerable.Range(1, workers).Select(n => RunWorkerAsync($"{Worker}/{n}", stoppingToken)));
            DateTimeOffset? nextDue;
            await using (var scope = scopes.CreateAsyncScope())
            {
                nextDue = await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().NextDueAsync(stoppingToken);
            }

            if (Volatile.Read(ref woken) == 1)
            {
                continue;
            }

            var idle = TimeSpan.FromSeconds(options.Value.IdleSeconds);
            var wait = nextDue is { } due ? TimeSpan.FromTicks(Math.Clamp((due - Clock.GetUtcNow()).Ticks, 0, idle.Ticks)) : idle;
            if (wait > TimeSpan.Zero)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(wait);
                try
                {
                    await connection.WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The wait ended without a notification: look for due work anyway.
                }
            }
        }
    }

    private async Task RunWorkerAsync(string worker, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().RunOnceAsync(worker, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The delivery dispatcher stopped on an error; it starts again in a second")]
    protected override partial void LogFault(Exception exception);
}
