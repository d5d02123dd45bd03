using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Messages;

namespace ElectionComms.Web.Features.Publishing;

/// <summary>What one delivery sends: the approved text of the version, and its attachment, to one group, through one official account.</summary>
/// <param name="Text">The portal's formatting subset, as approved; each connector renders it for its platform.</param>
/// <param name="AcknowledgeData">The approved "Konfirmo / Confirm" button's code for this delivery, where the platform carries buttons; null for none.</param>
public sealed record Outgoing(long DeliveryId, Platform Platform, string AccountHandle, string ChatId, string Text, OutgoingAttachment? Attachment = null, string? AcknowledgeData = null);

/// <summary>The approved file, whose SHA-256 the dispatcher has checked against the approved content.</summary>
public sealed record OutgoingAttachment(string FileName, AttachmentKind Kind, byte[] Content)
{
    public string ContentType => Kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Png => "image/png",
        _ => "image/jpeg",
    };
}

/// <summary>How a platform answered.</summary>
public abstract record SendResult
{
    private SendResult()
    {
    }

    /// <summary>Accepted: the platform's id of the posted message (for recall).</summary>
    public sealed record Sent(string PlatformMessageId) : SendResult;

    /// <summary>Refused for now (429, 5xx, timeout); <paramref name="After"/> is the platform's own wait when it gave one.</summary>
    public sealed record Retry(string Reason, TimeSpan? After) : SendResult;

    /// <summary>Refused for a reason a retry cannot change (chat not found, bot removed, no token).</summary>
    /// <param name="GroupProblem">The group itself is unreachable (bot removed, chat not found): it goes on the inventory's problem list.</param>
    public sealed record Failed(string Reason, bool GroupProblem = false) : SendResult;
}

/// <summary>How a platform answered a recall of a posted message.</summary>
public abstract record RecallResult
{
    private RecallResult()
    {
    }

    public sealed record Recalled : RecallResult;

    /// <summary>The platform does not allow it (WhatsApp groups, a Telegram message older than 48 hours).</summary>
    public sealed record NotPossible(string Reason) : RecallResult;

    /// <summary>The platform could not be asked now (429, 5xx, timeout); a person may try again.</summary>
    public sealed record Failed(string Reason) : RecallResult;
}

/// <summary>One platform's sending, behind the smallest interface the dispatcher and the recall need.</summary>
public interface IPlatformConnector
{
    Platform Platform { get; }

    Task<SendResult> SendAsync(Outgoing outgoing, CancellationToken cancellationToken);

    Task<RecallResult> RecallAsync(string accountHandle, string chatId, string platformMessageId, CancellationToken cancellationToken);
}
