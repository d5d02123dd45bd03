using Npgsql;

namespace ElectionComms.Web.Data;

/// <summary>
/// Drops this process's <see cref="ReadModelCache"/> when another portal or dispatcher on the same database commits a
/// change (NOTIFY "read_models", sent by <see cref="ReadModelInvalidation"/>). Its own connection is held open for
/// LISTEN; whenever it has to connect again, notifications may have been missed, so the cache is dropped then too.
/// </summary>
public sealed partial class ReadModelSignal(IConfiguration configuration, ReadModelCache cache, ILogger<ReadModelSignal> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString("Default")!;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, notice) =>
                {
                    if (notice.Payload != cache.Instance)
                    {
                        cache.Invalidate();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {ReadModelInvalidation.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything committed while this process was not listening is unknown: start from fresh reads.
                cache.Invalidate();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogLost(exception);
                cache.Invalidate();
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the read-model notification connection; the cache is dropped and the connection opened again in a second")]
    private partial void LogLost(Exception exception);
}
