namespace ElectionComms.Domain.Invitations;

public enum UseOutcome
{
    /// <summary>The public page was opened with a code that is in force.</summary>
    Opened = 1,

    /// <summary>A phone number was refused.</summary>
    Refused = 2,

    /// <summary>The platform's join link was shown.</summary>
    Granted = 3,
}

public enum RefusalReason
{
    /// <summary>No active registry person of the group's election has the number.</summary>
    NotInRegistry = 1,

    /// <summary>In the registry, but not eligible for this group today (level, unit, mandate), or removed from it.</summary>
    NotEligible = 2,

    /// <summary>A personal invitation used with somebody else's number.</summary>
    OtherPerson = 3,
}

/// <summary>
/// One counted event on the public invitation page (§5b, §10): opened, refused or granted. Never the full phone
/// number: only the masked one (+355 69 *** **67), and the registry person once the link was given.
/// </summary>
public sealed class InvitationUse
{
    public const int MaskedPhoneMaxLength = 32;

    private InvitationUse()
    {
    }

    public long Id { get; private set; }

    public int InvitationId { get; private set; }

    public UseOutcome Outcome { get; private set; }

    public RefusalReason? Reason { get; private set; }

    public string? MaskedPhone { get; private set; }

    public int? PersonId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static InvitationUse Opened(int invitationId, DateTimeOffset now) =>
        new() { InvitationId = invitationId, Outcome = UseOutcome.Opened, At = now };

    public static InvitationUse Refused(int invitationId, RefusalReason reason, string maskedPhone, DateTimeOffset now) =>
        new() { InvitationId = invitationId, Outcome = UseOutcome.Refused, Reason = reason, MaskedPhone = Cut(maskedPhone), At = now };

    public static InvitationUse Granted(int invitationId, int personId, string maskedPhone, DateTimeOffset now) =>
        new() { InvitationId = invitationId, Outcome = UseOutcome.Granted, PersonId = personId, MaskedPhone = Cut(maskedPhone), At = now };

    private static string Cut(string masked) => masked.Length <= MaskedPhoneMaxLength ? masked : masked[..MaskedPhoneMaxLength];
}
