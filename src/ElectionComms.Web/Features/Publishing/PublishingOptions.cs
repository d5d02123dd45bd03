namespace ElectionComms.Web.Features.Publishing;

/// <summary>Configuration section "Publishing" (docs/deployment.md).</summary>
public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>Run the dispatcher inside this portal process (the default); off where dispatchers run on their own.</summary>
    public bool Dispatcher { get; set; } = true;

    /// <summary>How long a claim holds: longer than one platform call with its timeout, so a live dispatcher never loses it.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>The dispatcher looks for due work at least this often, even when no notification arrives.</summary>
    public int IdleSeconds { get; set; } = 5;

    /// <summary>First wait after a refusal a retry may lift (5xx, timeout); doubled per attempt, with jitter.</summary>
    public int RetryBaseSeconds { get; set; } = 5;

    /// <summary>After this many attempts a delivery fails with its last reason, for a person to look at.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Deliveries one dispatcher sends at once; pacing still holds across all of them and all processes.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>At most this many messages to one group per minute, across every dispatcher (Telegram's limit is 20).</summary>
    public int MessagesPerMinutePerGroup { get; set; } = 20;

    public TelegramOptions Telegram { get; set; } = new();

    public WhatsAppOptions WhatsApp { get; set; } = new();
}

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
    /// From configuration or a secret store, never from a database column; never logged (see <see cref="TelegramConnector"/>).
    /// </summary>
    public Dictionary<string, string> Tokens { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
