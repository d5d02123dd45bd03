namespace ElectionComms.Domain.Messages;

/// <summary>
/// One immutable state of a message's content. An edit never changes a version: it adds the next one, so what a
/// director approved stays on record exactly as they saw it (the database refuses updates of the content too).
/// </summary>
public sealed class MessageVersion
{
    public const int JustificationMaxLength = 1000;

    private readonly List<MessageVersionTarget> targets = [];

    private MessageVersion()
    {
        TextSq = string.Empty;
        ContentHash = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid MessageId { get; private set; }

    public int Number { get; private set; }

    public string TextSq { get; private set; }

    public string? TextEn { get; private set; }

    public Guid? AttachmentId { get; private set; }

    public string? AttachmentSha256 { get; private set; }

    public DateTimeOffset? SendAt { get; private set; }

    public bool IsTest { get; private set; }

    /// <summary>The post carries a "Konfirmo / Confirm" button (covered by the content hash).</summary>
    public bool AsksAcknowledgement { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="MessageContent.CanonicalForm"/>.</summary>
    public string ContentHash { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set when this version was submitted for approval.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Why the text may keep personal data the scanner found (§10); shown to the approver.</summary>
    public string? PersonalDataJustification { get; private set; }

    public IReadOnlyCollection<MessageVersionTarget> Targets => targets.AsReadOnly();

    public MessageContent Content => new(TextSq, TextEn, AttachmentSha256, SendAt, IsTest, targets.Select(t => t.GroupId).Order().ToList(), AsksAcknowledgement);

    internal static MessageVersion Create(Guid messageId, int number, MessageContent content, Guid? attachmentId, Guid createdBy, DateTimeOffset now)
    {
        var version = new MessageVersion
        {
            Id = Guid.CreateVersion7(),
            MessageId = messageId,
            Number = number,
            TextSq = content.TextSq,
            TextEn = content.TextEn,
            AttachmentId = attachmentId,
            AttachmentSha256 = content.AttachmentSha256,
            SendAt = content.SendAt,
            IsTest = content.IsTest,
            AsksAcknowledgement = content.AsksAcknowledgement,
            ContentHash = content.Hash(),
            CreatedById = createdBy,
            CreatedAt = now,
        };
        version.targets.AddRange(content.GroupIds.Distinct().Order().Select(id => new MessageVersionTarget(version.Id, id)));
        return version;
    }

    internal void MarkSubmitted(string? justification, DateTimeOffset now)
    {
        SubmittedAt = now;
        PersonalDataJustification = justification;
    }

    /// <summary>Everything the personal-data scanner finds in both language variants (§10).</summary>
    public IReadOnlyList<PersonalDataFinding> PersonalDataFindings() =>
        [.. PersonalDataScanner.Scan(TextSq), .. TextEn is null ? [] : PersonalDataScanner.Scan(TextEn)];
}

/// <summary>A group one version goes to.</summary>
public sealed class MessageVersionTarget
{
    internal MessageVersionTarget(Guid versionId, int groupId)
    {
        VersionId = versionId;
        GroupId = groupId;
    }

    public Guid VersionId { get; private set; }

    public int GroupId { get; private set; }
}
