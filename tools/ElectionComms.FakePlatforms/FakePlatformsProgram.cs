namespace ElectionComms.FakePlatforms;

/// <summary>
/// Runs the fake platforms for the demo (scripts/run.sh): Telegram at FAKE_TELEGRAM_URL (default
/// http://127.0.0.1:58081). Each shows what it received at its own "/". Stops on Ctrl+C or SIGTERM.
/// </summary>
public static class FakePlatformsProgram
{
    public static async Task Main()
    {
        var telegramUrl = Environment.GetEnvironmentVariable("FAKE_TELEGRAM_URL") ?? "http://127.0.0.1:58081";
        await using var telegram = await FakeTelegram.StartAsync(telegramUrl);
        Console.WriteLine($"fake Telegram Bot API on {telegram.BaseUrl} (journal at {telegram.BaseUrl})");

        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
        await stop.Task;
    }
}
