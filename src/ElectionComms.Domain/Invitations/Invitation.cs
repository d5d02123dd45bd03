using System.Linq.Expressions;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Invitations;

public enum InvitationKind
{
    /// <summary>Anyone the registry lets into the group may use it (printed for a training).</summary>
    GroupWide = 1,

    /// <summary>Only the phone number of one registry person may use it.</summary>
    Personal = 2,
}

public enum InvitationStatus
{
    Active = 1,
    Expired = 2,
    Revoked = 3,
    UsedUp = 4,
}

/// <summary>
/// An invitation to one group as a link or QR code (§5b). Only the SHA-256 hash of its code is kept: the code is
/// shown once, when created. A use is counted each time the platform's join link is given to an eligible person;
/// the status (active, expired, revoked, used up) follows from the facts and the time of asking.
/// </summary>
public sealed class Invitation
{
    public const int NoteMaxLength = 500;
    public const int HashLength = 32;
    public const int MaxUsesLimit = 10_000;

    private Invitation()
    {
        CodeHash = [];
    }

    public int Id { get; private set; }

    public int GroupId { get; private set; }

    public InvitationKind Kind { get; private set; }

    /// <summary>The registry person a personal invitation is for; null for a group-wide one.</summary>
    public int? PersonId { get; private set; }

    public byte[] CodeHash { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int MaxUses { get; private set; }

    public int UseCount { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public Guid? RevokedById { get; private set; }

    /// <summary>The invitation this one replaced when a clerk re-issued it.</summary>
    public int? ReissuedFromId { get; private set; }

    /// <summary>
    /// A new invitation. <paramref name="groupJoinLink"/> is whether the group has a platform link to hand out;
    /// <paramref name="personMayBeInvited"/> is the registry's answer for a personal invitation's person.
    /// </summary>
    public static Invitation Create(
        InvitationTarget group, int? personId, bool personMayBeInvited, byte[] codeHash, DateTimeOffset expiresAt, int maxUses,
        string? note, Guid by, DateTimeOffset now)
    {
        if (!group.IsActive)
        {
            throw new DomainException("Invitation.GroupInactive");
        }

        if (!group.HasJoinLink)
        {
            throw new DomainException("Invitation.GroupWithoutJoinLink");
        }

        if (group.PersonalOnly && personId is null)
        {
            throw new DomainException("Invitation.AppInvitationsArePersonal");
        }

        if (codeHash is not { Length: HashLength })
        {
            throw new DomainException("Invitation.BadCodeHash");
        }

        if (expiresAt <= now)
        {
            throw new DomainException("Invitation.ExpiryInPast");
        }

        if (maxUses <= 0)
        {
            throw new DomainException("Invitation.MaxUsesTooLow");
        }

        if (maxUses > MaxUsesLimit)
        {
            throw new DomainException("Invitation.MaxUsesTooHigh", MaxUsesLimit);
        }

        if (personId is not null && !personMayBeInvited)
        {
            throw new DomainException("Invitation.PersonNotEligible");
        }

        var trimmed = note?.Trim();
        if (trimmed is { Length: > NoteMaxLength })
        {
            throw new DomainException("Invitation.NoteTooLong", NoteMaxLength);
        }

        return new Invitation
        {
            GroupId = group.GroupId,
            Kind = personId is null ? InvitationKind.GroupWide : InvitationKind.Personal,
            PersonId = personId,
            CodeHash = codeHash,
            ExpiresAt = expiresAt,
            MaxUses = maxUses,
            Note = string.IsNullOrEmpty(trimmed) ? null : trimmed,
            CreatedAt = now,
            CreatedById = by,
        };
    }

    public InvitationStatus StatusAt(DateTimeOffset now) => StatusOf(RevokedAt, ExpiresAt, UseCount, MaxUses, now);

    /// <summary>The status rule, also for lists that project rows instead of loading invitations.</summary>
    public static InvitationStatus StatusOf(DateTimeOffset? revokedAt, DateTimeOffset expiresAt, int useCount, int maxUses, DateTimeOffset now) =>
        revokedAt is not null ? InvitationStatus.Revoked
        : expiresAt <= now ? InvitationStatus.Expired
        : useCount >= maxUses ? InvitationStatus.UsedUp
        : InvitationStatus.Active;

    /// <summary>
    /// <see cref="InvitationStatus.Active"/> as a query filter, for counts that do not load invitations (the group list);
    /// InvitationTests checks it against <see cref="StatusOf"/> for every status.
    /// </summary>
    public static readonly Rule<Invitation, DateTimeOffset> Active =
        new((i, now) => i.RevokedAt == null && i.ExpiresAt > now && i.UseCount < i.MaxUses);

    public static Expression<Func<Invitation, bool>> ActiveAt(DateTimeOffset now) => Active.For(now);

    public void Revoke(Guid by, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException("Invitation.AlreadyRevoked");
        }

        RevokedAt = now;
        RevokedById = by;
    }

    /// <summary>
    /// A new code for the same group, person, use limit and note; this invitation is revoked if still in force.
    /// The registry is asked again, because the person may have left the group since.
    /// </summary>
    public Invitation Reissue(
        InvitationTarget group, bool personMayBeInvited, byte[] codeHash, DateTimeOffset expiresAt, Guid by, DateTimeOffset now)
    {
        if (group.GroupId != GroupId)
        {
            throw new DomainException("Invitation.WrongGroup");
        }

        var next = Create(group, PersonId, personMayBeInvited, codeHash, expiresAt, MaxUses, Note, by, now);
        next.ReissuedFromId = Id;
        if (RevokedAt is null)
        {
            Revoke(by, now);
        }

        return next;
    }

    /// <summary>Whether <paramref name="personId"/> may use this invitation: anyone for a group-wide one.</summary>
    public bool IsFor(int personId) => PersonId is null || PersonId == personId;

    /// <summary>The platform link was given to an eligible person: one use.</summary>
    public void RecordUse(DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status != InvitationStatus.Active)
        {
            throw new DomainException("Invitation.NotUsable", status);
        }

        UseCount++;
    }
}

/// <summary>What <see cref="Invitation"/> needs to know of its group.</summary>
/// <param name="PersonalOnly">
/// A group of the KQZ's own app (§4 b, issue 20): redeeming an invitation binds the device to a person, so only a
/// personal invitation may be made for it (anyone knowing a member's number could otherwise bind a device as them).
/// </param>
public readonly record struct InvitationTarget(int GroupId, bool IsActive, bool HasJoinLink, bool PersonalOnly = false);
