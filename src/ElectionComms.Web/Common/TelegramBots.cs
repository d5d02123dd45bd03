using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace ElectionComms.Web.Common;

/// <summary>Configuration section "Publishing:Telegram": the Bot API and the bots of the official accounts.</summary>
public sealed class TelegramOptions
{
    /// <summary>The Bot API server; https://api.telegram.org in production, a fake on loopback in tests and the demo.</summary>
    public string? BaseUrl { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// At most this many messages per second from one bot, across every dispatcher: Telegram's 30, up to 1,000 with
    /// paid broadcast (<see cref="AllowPaidBroadcast"/>); 0 sets no limit of ours (benchmarks of the dispatcher itself).
    /// </summary>
    public int MessagesPerSecondPerBot { get; set; } = 30;

    /// <summary>Send with <c>allow_paid_broadcast</c>, which lifts Telegram's limit to 1,000/s for Stars.</summary>
    public bool AllowPaidBroadcast { get; set; }

    /// <summary>
    /// Bot token per official account, keyed by the account's handle without "@" (Publishing__Telegram__Tokens__kqz_zyrtare).
    /// From configuration or a secret store, never from a database column; never logged (see <see cref="TelegramBots"/>).
    /// </summary>
    public Dictionary<string, string> Tokens { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// The Telegram.Bot client of an official account's bot, for sending (publishing) and for the bot's own calls
/// (platform events). The library's own 429 retry is off: callers decide when to try again, so that one place
/// paces and records every attempt. The token sits in the request path (<c>/bot&lt;token&gt;/…</c>), so the
/// HttpClient has no request loggers and no exception text that might carry the URL is kept.
/// </summary>
public sealed class TelegramBots(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "telegram";

    public TelegramOptions Settings => options.Value;

    /// <summary>The account's bot, or null when no usable token is configured for <paramref name="accountHandle"/>.</summary>
    public TelegramBotClient? For(string accountHandle)
    {
        var settings = options.Value;
        if (!settings.Tokens.TryGetValue(accountHandle.TrimStart('@'), out var token) || string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            return new TelegramBotClient(
                new TelegramBotClientOptions(token, settings.BaseUrl) { RetryCount = 0, RetryThreshold = 0 },
                httpClients.CreateClient(HttpClientName))
            {
                Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            };
        }
        catch (ArgumentException)
        {
            // Not in Telegram's "<digits>:<secret>" format; the message never repeats the token.
            return null;
        }
    }

    /// <summary>A group's platform id as Telegram's chat id: the number (-100…) or the public @name.</summary>
    public static Telegram.Bot.Types.ChatId ChatOf(string platformId) =>
        long.TryParse(platformId, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? new Telegram.Bot.Types.ChatId(id)
            : new Telegram.Bot.Types.ChatId(platformId);

    public static string NoBot(string accountHandle) =>
        $"No usable bot token is configured for the account {accountHandle}.";
}
