namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>Configuration section "PlatformEvents" (docs/deployment.md): how updates from the platforms reach the portal.</summary>
public sealed class PlatformEventsOptions
{
    public const string Section = "PlatformEvents";

    /// <summary>Process the inbox and make the bots' calls inside this process (the default).</summary>
    public bool Processor { get; set; } = true;

    /// <summary>
    /// "Webhook" (production: Telegram posts to /webhooks/telegram/&lt;bot&gt;) or "Poll" (development: the portal asks
    /// the Bot API with getUpdates, for a fake on loopback or a machine no webhook can reach).
    /// </summary>
    public string TelegramMode { get; set; } = "Webhook";

    /// <summary>
    /// Per bot, keyed by the account's handle without "@": the secret Telegram sends in X-Telegram-Bot-Api-Secret-Token
    /// (1–256 characters of A–Z, a–z, 0–9, _ and -), given to setWebhook by <c>--set-webhooks</c>. A bot without one accepts no webhook.
    /// </summary>
    public Dictionary<string, string> TelegramSecrets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>WhatsApp: the app secret for X-Hub-Signature-256, and the token Meta echoes at verification.</summary>
    public string? WhatsAppAppSecret { get; set; }

    public string? WhatsAppVerifyToken { get; set; }

    /// <summary>How often the portal looks for people whose mandate ended or who were removed, to take them out of the groups.</summary>
    public int SweepSeconds { get; set; } = 60;

    /// <summary>Every active Telegram group's administrators are compared with §7 at least this often (issue 14 item 5).</summary>
    public int AdministratorCheckMinutes { get; set; } = 360;

    /// <summary>
    /// Groups asked per sweep: 50 a minute is 3,000 groups an hour, well inside the 360 minutes for a national
    /// election, and a trickle beside the bots' sending.
    /// </summary>
    public int AdministratorChecksPerRun { get; set; } = 50;
}
