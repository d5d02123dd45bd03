using ElectionComms.Web.Common;

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
