using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Publishing;

public enum DeliveryStatus
{
    /// <summary>Waiting for its send time or for a dispatcher.</summary>
    Queued = 1,

    /// <summary>A dispatcher recorded its intent and is calling the platform.</summary>
    Sending = 2,

    /// <summary>The platform accepted it and gave its message id.</summary>
    Sent = 3,

    /// <summary>The dispatcher stopped during the call: the group may or may not have it. Only a person resends.</summary>
    Uncertain = 4,

    /// <summary>Refused for a reason that a retry cannot change (chat not found, bot removed, content changed).</summary>
    Failed = 5,

    /// <summary>Cancelled before it was sent.</summary>
    Cancelled = 6,

    /// <summary>Sent, then deleted from the group on the approver's recall.</summary>
    Recalled = 7,

    /// <summary>Sent, and the approver recalled it: waiting for a dispatcher (or the officer, by hand) to delete it.</summary>
    Recalling = 8,
}

/// <summary>
/// One approved version on its way to one target group (§7): the outbox row. Created in the same transaction as the
/// approval, and refused by the database unless that approval is of the message's current version with the same
/// content hash (trigger <c>deliveries_require_approval</c>). Queued → Sending is the dispatcher's claim, one SQL
/// statement that records the intent before the platform is called (<c>DeliveryStore.ClaimAsync</c>); a delivery
/// left Sending by a dispatcher that died is never sent again by the software: it becomes Uncertain, and the
/// approver checks the group and decides (§7: nothing reaches a platform twice without a person deciding).
/// </summary>
public sealed class Delivery
{
    public const int ReasonMaxLength = 500;

    private Delivery()
    {
        ContentHash = string.Empty;
    }

    public long Id { get; private set; }

    public Guid MessageId { get; private set; }

    public Guid VersionId { get; private set; }

    public Guid ApprovalId { get; private set; }

    public int GroupId { get; private set; }

    public Platform Platform { get; private set; }

    /// <summary>Through the platform's API, or posted by hand by an officer of the group (§4 c; <see cref="DeliveryMethods"/>).</summary>
    public DeliveryMethod Method { get; private set; }

    public string ContentHash { get; private set; }

    public DeliveryStatus Status { get; private set; }

    /// <summary>Not sent before this: the chosen send time, or the time a retry waits for.</summary>
    public DateTimeOffset NotBefore { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>The dispatcher holding the claim, and until when; set by the claim statement.</summary>
    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? ClaimedUntil { get; private set; }

    public string? PlatformMessageId { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Who resolved an uncertain delivery or cancelled it (null when the portal acted).</summary>
    public Guid? DecidedById { get; private set; }

    public DateTimeOffset? RecalledAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Nothing more will happen to it without a person: no dispatcher will take it.</summary>
    public bool IsOpen => Status is DeliveryStatus.Queued or DeliveryStatus.Sending;

    internal static Delivery For(
        Guid messageId, Guid versionId, Guid approvalId, string contentHash, int groupId, Platform platform, DeliveryMethod method, DateTimeOffset notBefore, DateTimeOffset now) =>
        new()
        {
            MessageId = messageId,
            VersionId = versionId,
            ApprovalId = approvalId,
            ContentHash = contentHash,
            GroupId = groupId,
            Platform = platform,
            Method = method,
            Status = DeliveryStatus.Queued,
            NotBefore = notBefore,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public void MarkSent(string platformMessageId, DateTimeOffset now)
    {
        EnsureSending();
        Status = DeliveryStatus.Sent;
        PlatformMessageId = platformMessageId;
        SentAt = now;
        Reason = null;
        Release(now);
    }

    /// <summary>A refusal the platform may lift (429, 5xx, timeout): back in the queue, not before <paramref name="at"/>.</summary>
    public void RetryAt(DateTimeOffset at, string reason, DateTimeOffset now)
    {
        EnsureSending();
        Status = DeliveryStatus.Queued;
        NotBefore = at;
        Reason = Trim(reason);
        Release(now);
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        EnsureSending();
        Status = DeliveryStatus.Failed;
        Reason = Trim(reason);
        Release(now);
    }

    /// <summary>The claim ran out while Sending: the call may have reached the platform.</summary>
    public void MarkUncertain(DateTimeOffset now)
    {
        EnsureSending();
        Status = DeliveryStatus.Uncertain;
        Reason = "The dispatcher stopped while calling the platform.";
        Release(now);
    }

    /// <summary>A person looked at the group and found the message there.</summary>
    public void ConfirmDelivered(Guid by, DateTimeOffset now)
    {
        if (Status != DeliveryStatus.Uncertain)
        {
            throw new DomainException("Delivery.NotUncertain");
        }

        Status = DeliveryStatus.Sent;
        SentAt = now;
        DecidedById = by;
        UpdatedAt = now;
    }

    /// <summary>A person decided to send again: after checking the group (uncertain) or after a failure was fixed.</summary>
    public void Resend(Guid by, DateTimeOffset now)
    {
        if (Status is not (DeliveryStatus.Uncertain or DeliveryStatus.Failed))
        {
            throw new DomainException("Delivery.NotResendable");
        }

        Status = DeliveryStatus.Queued;
        NotBefore = now;
        DecidedById = by;
        UpdatedAt = now;
    }

    /// <summary>
    /// The group's officer posted the approved text by hand (§4 c) at <paramref name="postedAt"/>: not before the
    /// send time, not in the future, to the minute (people read and type clock times to the minute).
    /// </summary>
    public void PostedByHand(Guid by, DateTimeOffset postedAt, DateTimeOffset now)
    {
        if (Method != DeliveryMethod.Manual || Status != DeliveryStatus.Queued)
        {
            throw new DomainException("Delivery.NotManual");
        }

        if (now < NotBefore)
        {
            throw new DomainException("Delivery.NotYetDue");
        }

        if (postedAt > now || postedAt < NotBefore - TimeSpan.FromMinutes(1))
        {
            throw new DomainException("Delivery.PostedAtOutOfRange");
        }

        Status = DeliveryStatus.Sent;
        SentAt = postedAt;
        DecidedById = by;
        Reason = null;
        UpdatedAt = now;
    }

    /// <summary>No further send starts (§7): a delivery not yet begun, or one waiting for a person, is cancelled.</summary>
    /// <returns>False when it is past cancelling (sent, being sent, already final).</returns>
    public bool Cancel(Guid by, string reason, DateTimeOffset now)
    {
        if (Status is not (DeliveryStatus.Queued or DeliveryStatus.Uncertain or DeliveryStatus.Failed))
        {
            return false;
        }

        Status = DeliveryStatus.Cancelled;
        Reason = Trim(reason);
        DecidedById = by;
        Release(now);
        return true;
    }

    /// <summary>The approver recalled the message: a sent delivery waits to be deleted from its group.</summary>
    /// <returns>False when there is nothing posted to delete.</returns>
    public bool RequestRecall(Guid by, DateTimeOffset now)
    {
        if (Status != DeliveryStatus.Sent)
        {
            return false;
        }

        Status = DeliveryStatus.Recalling;
        NotBefore = now;
        DecidedById = by;
        Reason = null;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Deleted from the group: by the platform (<paramref name="by"/> null) or by the officer's hand.</summary>
    public void Recalled(Guid? by, DateTimeOffset now)
    {
        EnsureRecalling();
        Status = DeliveryStatus.Recalled;
        RecalledAt = now;
        if (by is not null)
        {
            DecidedById = by;
        }

        Reason = null;
        Release(now);
    }

    /// <summary>The platform does not allow it (WhatsApp groups, a Telegram message past 48 hours): it stays sent, with the reason.</summary>
    public void RecallRefused(string reason, DateTimeOffset now)
    {
        EnsureRecalling();
        Status = DeliveryStatus.Sent;
        Reason = Trim(reason);
        Release(now);
    }

    /// <summary>The platform could not be asked now (429, 5xx): the deletion is tried again at <paramref name="at"/>.</summary>
    public void RecallRetryAt(DateTimeOffset at, string reason, DateTimeOffset now)
    {
        EnsureRecalling();
        NotBefore = at;
        Reason = Trim(reason);
        Release(now);
    }

    private void EnsureRecalling()
    {
        if (Status != DeliveryStatus.Recalling)
        {
            throw new DomainException("Delivery.NotRecalling");
        }
    }

    private void EnsureSending()
    {
        if (Status != DeliveryStatus.Sending)
        {
            throw new DomainException("Delivery.NotSending");
        }
    }

    private void Release(DateTimeOffset now)
    {
        ClaimedBy = null;
        ClaimedUntil = null;
        UpdatedAt = now;
    }

    private static string Trim(string reason) => reason.Length <= ReasonMaxLength ? reason : reason[..ReasonMaxLength];
}
