using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Messages;

/// <summary>What an author puts in a draft; the targets come separately as <see cref="TargetGroup"/>s.</summary>
public sealed record MessageDraft(string TextSq, string? TextEn, MessageAttachment? Attachment, DateTimeOffset? SendAt, bool IsTest, bool AsksAcknowledgement = false);

/// <summary>
/// A message to one or more groups that the author's superior approves before it is published (§7). Every change of
/// content makes a new immutable version; an approval binds to one version's content hash, so editing after
/// submission or approval voids it. Personal data in the text blocks submission unless justified (§10).
/// </summary>
public sealed class Message
{
    public const int TextMaxLength = 4096;
    public const int ReasonMaxLength = 1000;

    /// <summary>Approving needs a second factor entered this recently (step-up).</summary>
    public static readonly TimeSpan StepUpWindow = TimeSpan.FromMinutes(15);

    private readonly List<MessageVersion> versions = [];
    private readonly List<MessageApproval> approvals = [];
    private readonly List<MessageEvent> events = [];
    private readonly List<MessageComment> comments = [];

    private Message()
    {
        CurrentContentHash = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>The one directorate all target groups belong to (ADR 0014).</summary>
    public int DirectorateId { get; private set; }

    public MessageStatus Status { get; private set; }

    /// <summary>Who decides, fixed at submission from how the author reached the groups (ADR 0017).</summary>
    public ApprovalRoute ApprovalRoute { get; private set; }

    public Guid CurrentVersionId { get; private set; }

    public int CurrentVersionNumber { get; private set; }

    public string CurrentContentHash { get; private set; }

    /// <summary>Copied from the current version for lists and the approval deadline.</summary>
    public bool IsTest { get; private set; }

    /// <summary>Copied from the current version: the approval deadline when set.</summary>
    public DateTimeOffset? SendAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public Guid? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    public IReadOnlyCollection<MessageVersion> Versions => versions.AsReadOnly();

    public IReadOnlyCollection<MessageApproval> Approvals => approvals.AsReadOnly();

    public IReadOnlyCollection<MessageEvent> Events => events.AsReadOnly();

    public IReadOnlyCollection<MessageComment> Comments => comments.AsReadOnly();

    public MessageVersion CurrentVersion => versions.Single(v => v.Id == CurrentVersionId);

    public static Message Draft(StaffMember author, MessageDraft draft, IReadOnlyCollection<TargetGroup> targets, DateTimeOffset now)
    {
        var message = new Message
        {
            Id = Guid.CreateVersion7(),
            AuthorId = author.Id,
            Status = MessageStatus.Draft,
            CreatedAt = now,
        };
        message.AddVersion(author, draft, targets, MessageEventKind.Drafted, now);
        return message;
    }

    /// <summary>
    /// Changes the content: a new version, back to draft. An approval or a pending submission of the earlier
    /// version no longer counts, and the author submits again.
    /// </summary>
    public void Edit(StaffMember editor, MessageDraft draft, IReadOnlyCollection<TargetGroup> targets, DateTimeOffset now)
    {
        EnsureAuthor(editor.Id);
        EnsureStatus("Message.NotEditable", MessageStatus.Draft, MessageStatus.Submitted, MessageStatus.ChangesRequested, MessageStatus.Approved);
        var previous = CurrentContentHash;
        var (content, _) = Validate(editor, draft, targets, now);
        if (content.Hash() == previous)
        {
            throw new DomainException("Message.NoChanges");
        }

        AddVersion(editor, draft, targets, MessageEventKind.Edited, now);
        Status = MessageStatus.Draft;
        SubmittedAt = null;
    }

    /// <summary>
    /// Sends the current version for decision. Refused when nobody could decide on it (ADR 0017): a message nobody
    /// may approve would only wait in no one's queue.
    /// </summary>
    /// <param name="targets">The current version's groups, as the author reaches them now.</param>
    /// <param name="authorChain">The author's superiors, nearest first.</param>
    /// <param name="candidates">Active staff whose role decides on messages.</param>
    public void Submit(
        StaffMember author, string? personalDataJustification, IReadOnlyCollection<TargetGroup> targets, IReadOnlyList<Guid> authorChain,
        IEnumerable<ApproverCandidate> candidates, DateTimeOffset now)
    {
        EnsureAuthor(author.Id);
        EnsureStatus("Message.NotSubmittable", MessageStatus.Draft, MessageStatus.ChangesRequested);
        EnsureBeforeSendTime(now);
        var justification = personalDataJustification?.Trim();
        if (string.IsNullOrEmpty(justification))
        {
            justification = null;
        }
        else if (justification.Length > MessageVersion.JustificationMaxLength)
        {
            throw new DomainException("Message.JustificationTooLong", MessageVersion.JustificationMaxLength);
        }

        var findings = CurrentVersion.PersonalDataFindings();
        if (findings.Count > 0 && justification is null)
        {
            throw new DomainException("Message.PersonalDataFound", findings.Count);
        }

        EnsureCurrentTargets(targets);
        var route = ApproverPolicy.RouteFor(author, targets);
        if (ApproverPolicy.Deciders(candidates, AuthorId, authorChain, targets, route).Count == 0)
        {
            throw new DomainException(route == ApprovalRoute.Superior ? "Message.NoApprover.Superior" : "Message.NoApprover", targets.First().Name);
        }

        ApprovalRoute = route;
        CurrentVersion.MarkSubmitted(findings.Count > 0 ? justification : null, now);
        Status = MessageStatus.Submitted;
        SubmittedAt = now;
        DecidedById = null;
        DecidedAt = null;
        DecisionReason = null;
        Record(MessageEventKind.Submitted, author.Id, findings.Count > 0 ? justification : null, now);
    }

    public void Withdraw(StaffMember author, DateTimeOffset now)
    {
        EnsureAuthor(author.Id);
        EnsureStatus("Message.NotWithdrawable", MessageStatus.Draft, MessageStatus.Submitted, MessageStatus.ChangesRequested);
        Status = MessageStatus.Withdrawn;
        Record(MessageEventKind.Withdrawn, author.Id, null, now);
    }

    /// <summary>
    /// Approves the current version. <paramref name="seenHash"/> is the hash of the version the director reviewed:
    /// if the content changed since, the approval is refused, so nobody approves what they have not seen.
    /// </summary>
    /// <param name="authorChain">The author's superiors, nearest first (<see cref="ApproverPolicy.ChainOf"/>).</param>
    /// <param name="targets">The current version's groups as they stand now.</param>
    /// <param name="stepUpAt">When the approver last entered a second-factor code, if ever.</param>
    public void Approve(
        StaffMember approver, string? approverRole, IReadOnlyList<Guid> authorChain, IReadOnlyCollection<TargetGroup> targets,
        string seenHash, DateTimeOffset? stepUpAt, DateTimeOffset now)
    {
        EnsureDecidable(approver, approverRole, authorChain, targets, seenHash);
        if (stepUpAt is not { } verified || verified > now || now - verified > StepUpWindow)
        {
            throw new DomainException("Message.StepUpRequired", (int)StepUpWindow.TotalMinutes);
        }

        EnsureBeforeSendTime(now);
        var version = CurrentVersion;
        if (version.PersonalDataFindings().Count > 0 && version.PersonalDataJustification is null)
        {
            throw new DomainException("Message.PersonalDataFound", version.PersonalDataFindings().Count);
        }

        approvals.Add(new MessageApproval(Id, version.Id, version.ContentHash, approver.Id, now));
        Decide(MessageStatus.Approved, MessageEventKind.Approved, approver, null, now);
    }

    public void RequestChanges(
        StaffMember approver, string? approverRole, IReadOnlyList<Guid> authorChain, IReadOnlyCollection<TargetGroup> targets,
        string seenHash, string? reason, DateTimeOffset now)
    {
        var text = Guard.Text(reason, ReasonMaxLength, "Message.ReasonRequired", "Message.ReasonTooLong");
        EnsureDecidable(approver, approverRole, authorChain, targets, seenHash);
        Decide(MessageStatus.ChangesRequested, MessageEventKind.ChangesRequested, approver, text, now);
    }

    public void Reject(
        StaffMember approver, string? approverRole, IReadOnlyList<Guid> authorChain, IReadOnlyCollection<TargetGroup> targets,
        string seenHash, string? reason, DateTimeOffset now)
    {
        var text = Guard.Text(reason, ReasonMaxLength, "Message.ReasonRequired", "Message.ReasonTooLong");
        EnsureDecidable(approver, approverRole, authorChain, targets, seenHash);
        Decide(MessageStatus.Rejected, MessageEventKind.Rejected, approver, text, now);
    }

    /// <summary>A message not approved before its send time can no longer go out as planned.</summary>
    public void Expire(DateTimeOffset now)
    {
        EnsureStatus("Message.NotExpirable", MessageStatus.Draft, MessageStatus.Submitted, MessageStatus.ChangesRequested);
        if (SendAt is not { } sendAt || sendAt > now)
        {
            throw new DomainException("Message.NotExpirable");
        }

        Status = MessageStatus.Expired;
        Record(MessageEventKind.Expired, null, null, now);
    }

    public bool IsOverdue(DateTimeOffset now) =>
        SendAt is { } sendAt && sendAt <= now && Status is MessageStatus.Draft or MessageStatus.Submitted or MessageStatus.ChangesRequested;

    /// <summary>Only an approved current version enters the publishing queue.</summary>
    public PublishingQueueEntry Enqueue(DateTimeOffset now)
    {
        if (Status != MessageStatus.Approved)
        {
            throw new DomainException("Message.NotApproved");
        }

        var version = CurrentVersion;
        var approval = approvals.LastOrDefault(a => a.VersionId == version.Id && a.ContentHash == version.ContentHash && a.ContentHash == CurrentContentHash)
            ?? throw new DomainException("Message.NotApproved");
        Status = MessageStatus.Queued;
        UpdatedAt = now;
        Record(MessageEventKind.Queued, null, null, now);
        return new PublishingQueueEntry(Id, version.Id, approval.Id, version.ContentHash, version.SendAt, now);
    }

    /// <summary>
    /// One delivery per target group of the queued version (§7), saved with the queue entry in the approval's
    /// transaction: what was approved is what each group is owed, no more and no less.
    /// </summary>
    /// <param name="groups">The platform and platform id of each target group, which decide how it is reached.</param>
    public IReadOnlyList<Publishing.Delivery> DeliveriesOf(
        PublishingQueueEntry entry, IReadOnlyDictionary<int, (Channels.Platform Platform, string PlatformId)> groups, DateTimeOffset now)
    {
        if (Status != MessageStatus.Queued || entry.MessageId != Id || entry.VersionId != CurrentVersionId)
        {
            throw new DomainException("Message.NotApproved");
        }

        return [.. CurrentVersion.Targets.Select(t =>
        {
            var (platform, platformId) = groups[t.GroupId];
            return Publishing.Delivery.For(
                Id, entry.VersionId, entry.ApprovalId, entry.ContentHash, t.GroupId, platform, Publishing.DeliveryMethods.For(platform, platformId), entry.NotBefore, now);
        })];
    }

    /// <summary>On its way: some deliveries may not have started.</summary>
    public static readonly MessageStatus[] CancellableStates = [MessageStatus.Queued, MessageStatus.PartlyFailed, MessageStatus.Uncertain];

    /// <summary>Some delivery may have been posted.</summary>
    public static readonly MessageStatus[] RecallableStates =
        [MessageStatus.Queued, MessageStatus.Published, MessageStatus.PartlyFailed, MessageStatus.Uncertain, MessageStatus.Cancelled, MessageStatus.Recalled];

    public static bool MayCancel(Guid actorId, Guid authorId, IEnumerable<Guid> approvers) => actorId == authorId || approvers.Contains(actorId);

    public static bool MayRecall(Guid actorId, IEnumerable<Guid> approvers, bool isSecretaryGeneral) => isSecretaryGeneral || approvers.Contains(actorId);

    /// <summary>
    /// The approver or the author stops a message on its way (§7): no delivery starts after this; deliveries
    /// already sent stay sent and can be recalled.
    /// </summary>
    /// <param name="approvers">Who approved the current version.</param>
    public void Cancel(Guid actorId, IEnumerable<Guid> approvers, string? reason, IEnumerable<Publishing.Delivery> deliveries, DateTimeOffset now)
    {
        var text = Guard.Text(reason, ReasonMaxLength, "Message.ReasonRequired", "Message.ReasonTooLong");
        EnsureStatus("Message.NotCancellable", CancellableStates);
        if (!MayCancel(actorId, AuthorId, approvers))
        {
            throw new DomainException("Message.NotYoursToCancel");
        }

        foreach (var delivery in deliveries)
        {
            delivery.Cancel(actorId, text, now);
        }

        Status = MessageStatus.Cancelled;
        Record(MessageEventKind.Cancelled, actorId, text, now);
    }

    /// <summary>
    /// The approver takes a sent message back (§7), with a fresh second factor: nothing more is sent, and each sent
    /// delivery waits to be deleted from its group, by a dispatcher where the platform allows it, by the group's
    /// officer where it was posted by hand.
    /// </summary>
    public void Recall(Guid actorId, IEnumerable<Guid> approvers, bool isSecretaryGeneral, string? reason, DateTimeOffset? stepUpAt, IEnumerable<Publishing.Delivery> deliveries, DateTimeOffset now)
    {
        var text = Guard.Text(reason, ReasonMaxLength, "Message.ReasonRequired", "Message.ReasonTooLong");
        EnsureStatus("Message.NotRecallable", RecallableStates);
        if (!MayRecall(actorId, approvers, isSecretaryGeneral))
        {
            throw new DomainException("Message.NotYoursToRecall");
        }

        if (stepUpAt is not { } verified || verified > now || now - verified > StepUpWindow)
        {
            throw new DomainException("Message.StepUpRequired", (int)StepUpWindow.TotalMinutes);
        }

        foreach (var delivery in deliveries)
        {
            if (!delivery.RequestRecall(actorId, now))
            {
                delivery.Cancel(actorId, text, now);
            }
        }

        Status = MessageStatus.Recalled;
        Record(MessageEventKind.Recalled, actorId, text, now);
    }

    public void MarkPublished(DateTimeOffset now)
    {
        EnsureStatus("Message.NotQueued", MessageStatus.Queued);
        Status = MessageStatus.Published;
        UpdatedAt = now;
        Record(MessageEventKind.Published, null, null, now);
    }

    public void MarkPartlyFailed(string? reason, DateTimeOffset now)
    {
        EnsureStatus("Message.NotQueued", MessageStatus.Queued);
        var text = Guard.Text(reason, ReasonMaxLength, "Message.ReasonRequired", "Message.ReasonTooLong");
        Status = MessageStatus.PartlyFailed;
        UpdatedAt = now;
        Record(MessageEventKind.PartlyFailed, null, text, now);
    }

    public MessageComment Comment(Guid authorId, string? text, DateTimeOffset now)
    {
        var comment = new MessageComment(
            Id, authorId, CurrentVersionNumber, Guard.Text(text, MessageComment.TextMaxLength, "Message.CommentRequired", "Message.CommentTooLong"), now);
        comments.Add(comment);
        return comment;
    }

    private void EnsureDecidable(
        StaffMember approver, string? approverRole, IReadOnlyList<Guid> authorChain, IReadOnlyCollection<TargetGroup> targets, string seenHash)
    {
        EnsureStatus("Message.NotAwaitingDecision", MessageStatus.Submitted);
        ApproverPolicy.EnsureMayDecide(approver, approverRole, AuthorId, authorChain, targets, ApprovalRoute);
        EnsureCurrentTargets(targets);

        if (!string.Equals(seenHash, CurrentContentHash, StringComparison.Ordinal))
        {
            throw new DomainException("Message.ContentChanged");
        }
    }

    private void EnsureCurrentTargets(IReadOnlyCollection<TargetGroup> targets)
    {
        var current = CurrentVersion.Targets.Select(t => t.GroupId).ToHashSet();
        if (!current.SetEquals(targets.Select(t => t.GroupId)))
        {
            throw new ArgumentException("Pass the current version's target groups.", nameof(targets));
        }
    }

    private void Decide(MessageStatus status, MessageEventKind kind, StaffMember approver, string? reason, DateTimeOffset now)
    {
        Status = status;
        DecidedById = approver.Id;
        DecidedAt = now;
        DecisionReason = reason;
        Record(kind, approver.Id, reason, now);
    }

    private void AddVersion(StaffMember author, MessageDraft draft, IReadOnlyCollection<TargetGroup> targets, MessageEventKind kind, DateTimeOffset now)
    {
        var (content, directorateId) = Validate(author, draft, targets, now);
        var version = MessageVersion.Create(Id, CurrentVersionNumber + 1, content, draft.Attachment?.Id, author.Id, now);
        versions.Add(version);
        CurrentVersionId = version.Id;
        CurrentVersionNumber = version.Number;
        CurrentContentHash = version.ContentHash;
        DirectorateId = directorateId;
        IsTest = content.IsTest;
        SendAt = content.SendAt;
        Record(kind, author.Id, null, now);
    }

    private static (MessageContent Content, int DirectorateId) Validate(
        StaffMember author, MessageDraft draft, IReadOnlyCollection<TargetGroup> targets, DateTimeOffset now)
    {
        if (!author.IsActive)
        {
            throw new DomainException("Message.AuthorInactive");
        }

        var hasAttachment = draft.Attachment is not null;
        var textSq = MessageContent.NormaliseText(draft.TextSq);
        if (textSq.Length == 0)
        {
            throw new DomainException("Message.TextRequired");
        }

        if (textSq.Length > TextMaxLength)
        {
            throw new DomainException("Message.TextTooLong", TextMaxLength);
        }

        MessageFormatting.Validate(textSq, hasAttachment);
        var textEn = MessageContent.NormaliseText(draft.TextEn);
        if (textEn.Length > TextMaxLength)
        {
            throw new DomainException("Message.TextTooLong", TextMaxLength);
        }

        if (textEn.Length > 0)
        {
            MessageFormatting.Validate(textEn, hasAttachment);

            // The group receives both texts in one post: together they must fit the platform's limit too.
            MessageFormatting.ValidateBoth(MessageContent.Published(textSq, textEn), hasAttachment);
        }

        var sendAt = MessageContent.NormaliseSendAt(draft.SendAt);
        if (sendAt is { } at && at <= now)
        {
            throw new DomainException("Message.SendTimeInPast");
        }

        var directorateId = ValidateTargets(draft.IsTest, targets);
        var content = new MessageContent(
            textSq, textEn.Length == 0 ? null : textEn, draft.Attachment?.Sha256, sendAt, draft.IsTest, targets.Select(t => t.GroupId).ToList(), draft.AsksAcknowledgement);
        return (content, directorateId);
    }

    private static int ValidateTargets(bool isTest, IReadOnlyCollection<TargetGroup> targets)
    {
        if (targets.Count == 0)
        {
            throw new DomainException("Message.TargetsRequired");
        }

        foreach (var target in targets)
        {
            if (!target.AuthorMayTransmit)
            {
                throw new DomainException("Message.TargetNotAssigned", target.Name);
            }

            if (!target.IsActive)
            {
                throw new DomainException("Message.TargetInactive", target.Name);
            }

            // §9: information must not leave the electoral administration; a test message never reaches a live group,
            // and a live one is not rehearsed on a test group.
            if (target.IsTestGroup != isTest)
            {
                throw new DomainException(isTest ? "Message.TestToLiveGroup" : "Message.LiveToTestGroup", target.Name);
            }
        }

        // ADR 0014: one responsible directorate per message, so one superior can approve all of it.
        var directorates = targets.Select(t => t.DirectorateId).Distinct().Count();
        if (directorates > 1)
        {
            throw new DomainException("Message.SeveralDirectorates", directorates);
        }

        return targets.First().DirectorateId;
    }

    private void EnsureAuthor(Guid actorId)
    {
        if (actorId != AuthorId)
        {
            throw new DomainException("Message.NotAuthor");
        }
    }

    private void EnsureStatus(string code, params MessageStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException(code, Status);
        }
    }

    private void EnsureBeforeSendTime(DateTimeOffset now)
    {
        if (SendAt is { } sendAt && sendAt <= now)
        {
            throw new DomainException("Message.SendTimePassed");
        }
    }

    /// <summary>
    /// Once no delivery is waiting or being sent, the message is Published (every group has it) or PartlyFailed (some
    /// group failed, was cancelled or is uncertain and waits for a person). Nothing changes while any is still open.
    /// </summary>
    public void RecordPublication(IReadOnlyCollection<Publishing.DeliveryStatus> deliveries, DateTimeOffset now)
    {
        if (Status is not (MessageStatus.Queued or MessageStatus.Published or MessageStatus.PartlyFailed or MessageStatus.Uncertain) || deliveries.Count == 0
            || deliveries.Any(d => d is Publishing.DeliveryStatus.Queued or Publishing.DeliveryStatus.Sending))
        {
            return;
        }

        var outcome = deliveries.All(d => d == Publishing.DeliveryStatus.Sent) ? MessageStatus.Published
            : deliveries.Any(d => d == Publishing.DeliveryStatus.Uncertain) ? MessageStatus.Uncertain
            : MessageStatus.PartlyFailed;
        if (outcome != Status)
        {
            Status = outcome;
            var kind = outcome switch
            {
                MessageStatus.Published => MessageEventKind.Published,
                MessageStatus.Uncertain => MessageEventKind.Uncertain,
                _ => MessageEventKind.PartlyFailed,
            };
            Record(kind, null, null, now);
        }
    }

    private void Record(MessageEventKind kind, Guid? actorId, string? reason, DateTimeOffset now)
    {
        UpdatedAt = now;
        events.Add(new MessageEvent(Id, kind, actorId, CurrentVersionNumber, CurrentContentHash, reason, now));
    }
}
