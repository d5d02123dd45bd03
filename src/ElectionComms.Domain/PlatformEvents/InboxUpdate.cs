using ElectionComms.Domain.Channels;

namespace ElectionComms.Domain.PlatformEvents;

/// <summary>
/// One update a platform sent (a Telegram webhook body, a WhatsApp webhook change), stored raw before anything is done
/// with it (issue 14): deduplicated by (platform, account, key), since Telegram delivers again until it gets a 200;
/// processed afterwards in a transaction of its own, so a crash between the two loses nothing and does nothing twice.
/// </summary>
public sealed class InboxUpdate
{
    public const int KeyMaxLength = 100;
    public const int KindMaxLength = 60;
    public const int OutcomeMaxLength = 500;

    /// <summary>Larger bodies are refused before they are read: a Telegram update is a few kilobytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>After this many failed attempts an update stays unprocessed, with its reason, for a person to look at.</summary>
    public const int MaxAttempts = 5;

    private InboxUpdate()
    {
        Account = string.Empty;
        Key = string.Empty;
        Kind = string.Empty;
        Body = string.Empty;
    }

    public long Id { get; private set; }

    public Platform Platform { get; private set; }

    /// <summary>The official account's handle (the bot, the business number) the update was sent to.</summary>
    public string Account { get; private set; }

    /// <summary>The platform's id of the update (Telegram <c>update_id</c>), or a hash of the body where it has none.</summary>
    public string Key { get; private set; }

    /// <summary>What the update is about: <c>chat_join_request</c>, <c>message</c>, <c>chat_member</c>, …</summary>
    public string Kind { get; private set; }

    /// <summary>The body exactly as received (JSON text, byte for byte as UTF-8), never changed.</summary>
    public string Body { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public string? Outcome { get; private set; }

    public int Attempts { get; private set; }

    public static InboxUpdate Receive(Platform platform, string account, string key, string kind, string body, DateTimeOffset now) => new()
    {
        Platform = platform,
        Account = account,
        Key = key.Length <= KeyMaxLength ? key : throw new ArgumentException("Update key too long.", nameof(key)),
        Kind = kind.Length <= KindMaxLength ? kind : kind[..KindMaxLength],
        Body = body,
        ReceivedAt = now,
    };

    public void Processed(string outcome, DateTimeOffset now)
    {
        ProcessedAt = now;
        Outcome = Cut(outcome);
        Attempts++;
    }

    /// <summary>Processing failed; it is tried again until <see cref="MaxAttempts"/>.</summary>
    public void Failed(string reason)
    {
        Attempts++;
        Outcome = Cut(reason);
    }

    private static string Cut(string text) => text.Length <= OutcomeMaxLength ? text : text[..OutcomeMaxLength];
}
