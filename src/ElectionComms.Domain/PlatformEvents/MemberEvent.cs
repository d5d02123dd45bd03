using ElectionComms.Domain.Channels;

namespace ElectionComms.Domain.PlatformEvents;

public enum MemberEventKind
{
    /// <summary>Asked to join through a join-request link; the bot asked for their contact.</summary>
    JoinRequested = 1,

    /// <summary>The registry check passed; the platform was told to let them in.</summary>
    JoinApproved = 2,

    /// <summary>The registry check failed; the platform was told to refuse them.</summary>
    JoinDeclined = 3,

    /// <summary>Seen joining the group (a person of the registry, eligible).</summary>
    Joined = 4,

    /// <summary>Left, or was removed by an administrator on the platform.</summary>
    Left = 5,

    /// <summary>Removed by the portal: not a member of the electoral administration for this group (§11).</summary>
    Removed = 6,

    /// <summary>Shared a contact that is not their own; nothing was decided.</summary>
    ContactRefused = 7,

    /// <summary>Not a member for this group (§11), on a platform where the portal cannot remove anyone (WhatsApp): a task for the group's administrator.</summary>
    RemoveByHand = 8,
}

/// <summary>Why the portal refused or removed someone.</summary>
public enum MemberRefusal
{
    NotInRegistry = 1,
    NotEligible = 2,
    NotIdentified = 3,
    MandateEnded = 4,
    RemovedFromGroup = 5,
    NotOwnContact = 6,
}

/// <summary>
/// What happened to one platform user in one group, in order (issue 14 items 2–4): the live membership of a group is
/// the last event per user; every decision keeps the masked number it was made on (§10), never the full one.
/// </summary>
public sealed class MemberEvent
{
    public const int NameMaxLength = 150;

    private MemberEvent()
    {
        PlatformUserId = string.Empty;
    }

    public long Id { get; private set; }

    public int GroupId { get; private set; }

    public Platform Platform { get; private set; }

    public string PlatformUserId { get; private set; }

    /// <summary>The name the platform shows for the user (first and last name), for the people reading the list.</summary>
    public string? DisplayName { get; private set; }

    public int? PersonId { get; private set; }

    public MemberEventKind Kind { get; private set; }

    public MemberRefusal? Reason { get; private set; }

    public string? MaskedPhone { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The inbox update it came from; null for the portal's own sweep (a mandate that ended).</summary>
    public long? UpdateId { get; private set; }

    /// <summary>The last events that leave a user in the group (a removal still to be done by hand leaves them there).</summary>
    public static readonly MemberEventKind[] InGroupKinds = [MemberEventKind.Joined, MemberEventKind.JoinApproved, MemberEventKind.RemoveByHand];

    /// <summary>What the portal records when someone must leave a group: removed by the bot, or, where no API removes anyone, a task for a person.</summary>
    public static MemberEventKind RemovalOn(Platform platform) => platform == Platform.Telegram ? MemberEventKind.Removed : MemberEventKind.RemoveByHand;

    public static MemberEvent Record(
        int groupId, Platform platform, string platformUserId, string? displayName, int? personId, MemberEventKind kind,
        MemberRefusal? reason, string? maskedPhone, long? updateId, DateTimeOffset now) => new()
        {
            GroupId = groupId,
            Platform = platform,
            PlatformUserId = platformUserId,
            DisplayName = displayName is { Length: > NameMaxLength } ? displayName[..NameMaxLength] : displayName,
            PersonId = personId,
            Kind = kind,
            Reason = reason,
            MaskedPhone = maskedPhone,
            UpdateId = updateId,
            At = now,
        };
}
