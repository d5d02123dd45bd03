namespace ElectionComms.Domain.MemberApp;

/// <summary>
/// One approved message in one member's inbox of the KQZ app (issue 20): written by the app's connector for every
/// person eligible for the group when the group's delivery is sent, once per delivery and person, so a resent delivery
/// adds nothing. A recall marks it; the app then shows a note in its place instead of the text.
/// </summary>
public sealed class AppInboxItem
{
    private AppInboxItem()
    {
    }

    public long Id { get; private set; }

    public int PersonId { get; private set; }

    public long DeliveryId { get; private set; }

    public Guid MessageId { get; private set; }

    public Guid VersionId { get; private set; }

    public int GroupId { get; private set; }

    public DateTimeOffset ArrivedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public DateTimeOffset? RecalledAt { get; private set; }

    public void Read(DateTimeOffset now) => ReadAt ??= now;
}
