namespace ElectionComms.FakePlatforms;

/// <summary>
/// Runs the fake platforms for the demo (scripts/run.sh): Telegram at FAKE_TELEGRAM_URL (default
/// http://127.0.0.1:58081), the WhatsApp Cloud API at FAKE_WHATSAPP_URL (default http://127.0.0.1:58082) with the
/// business numbers of FAKE_WHATSAPP_NUMBERS ("phone-number-id=token,…"). Each shows what it received at its own "/".
/// Stops on Ctrl+C or SIGTERM.
/// </summary>
public static class FakePlatformsProgram
{
    public static async Task Main()
    {
        var telegramUrl = Environment.GetEnvironmentVariable("FAKE_TELEGRAM_URL") ?? "http://127.0.0.1:58081";
        await using var telegram = await FakeTelegram.StartAsync(telegramUrl);
        Console.WriteLine($"fake Telegram Bot API on {telegram.BaseUrl} (journal at {telegram.BaseUrl})");
        await using var whatsApp = await FakeWhatsApp.StartAsync(Environment.GetEnvironmentVariable("FAKE_WHATSAPP_URL") ?? "http://127.0.0.1:58082");
        foreach (var number in (Environment.GetEnvironmentVariable("FAKE_WHATSAPP_NUMBERS") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (id, token) = (number.Split('=', 2)[0], number.Split('=', 2).ElementAtOrDefault(1) ?? string.Empty);
            whatsApp.AddNumber(id.Trim(), token.Trim());
        }

        Console.WriteLine($"fake WhatsApp Cloud API on {whatsApp.BaseUrl} (journal at {whatsApp.BaseUrl})");

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
