namespace ElectionComms.Web.Features.Registry;

/// <summary>
/// Deletes abandoned roster uploads (neither applied nor discarded) every ten minutes, so none outlives
/// <see cref="ImportStore.MaxAge"/> by more than that (ADR 0018).
/// </summary>
public sealed partial class UploadSweeper(ImportStore store, TimeProvider clock, ILogger<UploadSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var removed = store.RemoveAbandoned();
                if (removed > 0)
                {
                    LogRemoved(logger, removed);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} abandoned roster uploads")]
    private static partial void LogRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sweep the roster upload folder")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
