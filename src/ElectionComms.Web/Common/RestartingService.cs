namespace ElectionComms.Web.Common;

/// <summary>
/// A background loop that starts again a second after any fault (a lost connection, a database restart), so one bad
/// moment never stops the process's dispatching or its platform events; only the host's stop ends it.
/// </summary>
public abstract class RestartingService(TimeProvider clock) : BackgroundService
{
    protected TimeProvider Clock => clock;

    protected abstract Task RunAsync(CancellationToken stoppingToken);

    protected abstract void LogFault(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFault(exception);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }
}
