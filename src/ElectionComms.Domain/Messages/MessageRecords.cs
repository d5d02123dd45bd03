namespace ElectionComms.Domain.Messages;

/// <summary>
/// A director's approval of one version, bound to the hash of the content they saw. Approvals are never changed or
/// deleted; an edit voids them simply by making another version current.
/// </summary>
public sealed class MessageApproval
{
    private MessageApproval()
    {
        ContentHash = string.Empty;
    }

    internal MessageApproval(Guid messageId, Guid versionId, string contentHash, Guid approverId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        MessageId = messageId;
        VersionId = versionId;
        ContentHash = contentHash;
        ApproverId = approverId;
        ApprovedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid MessageId { get; private set; }

    public Guid VersionId { get; private set; }

    public string ContentHash { get; private set; }

    public Guid ApproverId { get; private set; }

    public DateTimeOffset ApprovedAt { get; private set; }
}

/// <summary>A note in the conversation between the author and the approvers.</summary>
public sealed class MessageComment
{
    public const int TextMaxLength = 2000;

    private MessageComment()
    {
        Text = string.Empty;
    }

    internal MessageComment(Guid messageId, Guid authorId, int versionNumber, string text, DateTimeOffset at)
    {
        MessageId = messageId;
        AuthorId = authorId;
        VersionNumber = versionNumber;
        Text = text;
        At = at;
    }

    public long Id { get; private set; }

    public Guid MessageId { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>The version that was current when the comment was written.</summary>
    public int VersionNumber { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>One entry of the history timeline: who did what, when, to which version, and why.</summary>
public sealed class MessageEvent
{
    private MessageEvent()
    {
        ContentHash = string.Empty;
    }

    internal MessageEvent(Guid messageId, MessageEventKind kind, Guid? actorId, int versionNumber, string contentHash, string? reason, DateTimeOffset at)
    {
        MessageId = messageId;
        Kind = kind;
        ActorId = actorId;
        VersionNumber = versionNumber;
        ContentHash = contentHash;
        Reason = reason;
        At = at;
    }

    public long Id { get; private set; }

    public Guid MessageId { get; private set; }

    public MessageEventKind Kind { get; private set; }

    /// <summary>Null when the portal itself acted (expiry, the publisher).</summary>
    public Guid? ActorId { get; private set; }

    public int VersionNumber { get; private set; }

    public string ContentHash { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }
}

public enum QueueEntryStatus
{
    Pending = 1,
    Sent = 2,
    PartlyFailed = 3,
}

/// <summary>
/// A message waiting to be published. It names the approval it rests on; the database refuses the row unless that
/// approval is of the message's current version and carries the same content hash.
/// </summary>
public sealed class PublishingQueueEntry
{
    private PublishingQueueEntry()
    {
        ContentHash = string.Empty;
    }

    internal PublishingQueueEntry(Guid messageId, Guid versionId, Guid approvalId, string contentHash, DateTimeOffset? sendAt, DateTimeOffset now)
    {
        MessageId = messageId;
        VersionId = versionId;
        ApprovalId = approvalId;
        ContentHash = contentHash;
        NotBefore = sendAt ?? now;
        QueuedAt = now;
        Status = QueueEntryStatus.Pending;
    }

    public long Id { get; private set; }

    public Guid MessageId { get; private set; }

    public Guid VersionId { get; private set; }

    public Guid ApprovalId { get; private set; }

    public string ContentHash { get; private set; }

    /// <summary>The publisher sends no earlier than this: the chosen send time, or at once.</summary>
    public DateTimeOffset NotBefore { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    public QueueEntryStatus Status { get; private set; }
}
