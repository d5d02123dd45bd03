using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Registry;

public enum MembershipStatus
{
    /// <summary>A clerk recorded that the person was added to the group.</summary>
    Member = 1,

    /// <summary>Removed: may not be added or invited again until reinstated.</summary>
    Removed = 2,

    /// <summary>Removed earlier, then reinstated with a reason: may be added or invited again.</summary>
    Reinstated = 3,
}

/// <summary>
/// A registry person's membership of one group as the clerks record it (§5b, §11): added, removed with a reason,
/// reinstated with a reason. Each change is saved through the audited context, which keeps the history.
/// </summary>
public sealed class GroupMembership
{
    public const int ReasonMaxLength = 500;

    private GroupMembership()
    {
    }

    public int Id { get; private set; }

    public int GroupId { get; private set; }

    public int PersonId { get; private set; }

    public MembershipStatus Status { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public Guid ChangedById { get; private set; }

    /// <summary>Why the person was removed or reinstated; null while simply a member.</summary>
    public string? Reason { get; private set; }

    /// <summary>Whether the person may be invited to (or added to) the group: never while removed.</summary>
    public static bool MayBeInvited(GroupMembership? membership) => membership?.Status != MembershipStatus.Removed;

    /// <summary>First record of the person in the group; only someone eligible for it today may be added.</summary>
    public static GroupMembership Add(int groupId, int personId, bool eligible, Guid by, DateTimeOffset now)
    {
        EnsureEligible(eligible);
        return new GroupMembership
        {
            GroupId = groupId,
            PersonId = personId,
            Status = MembershipStatus.Member,
            ChangedAt = now,
            ChangedById = by,
        };
    }

    /// <summary>Adds again someone reinstated after a removal.</summary>
    public void AddAgain(bool eligible, Guid by, DateTimeOffset now)
    {
        switch (Status)
        {
            case MembershipStatus.Member:
                throw new DomainException("Membership.AlreadyMember");
            case MembershipStatus.Removed:
                throw new DomainException("Membership.RemovedNotReinstated");
        }

        EnsureEligible(eligible);
        Change(MembershipStatus.Member, null, by, now);
    }

    public void Remove(string reason, Guid by, DateTimeOffset now)
    {
        if (Status != MembershipStatus.Member)
        {
            throw new DomainException("Membership.NotMember");
        }

        Change(MembershipStatus.Removed, RequiredReason(reason), by, now);
    }

    public void Reinstate(string reason, Guid by, DateTimeOffset now)
    {
        if (Status != MembershipStatus.Removed)
        {
            throw new DomainException("Membership.NotRemoved");
        }

        Change(MembershipStatus.Reinstated, RequiredReason(reason), by, now);
    }

    private static void EnsureEligible(bool eligible)
    {
        if (!eligible)
        {
            throw new DomainException("Membership.NotEligible");
        }
    }

    private static string RequiredReason(string reason) =>
        Guard.Text(reason, ReasonMaxLength, "Membership.ReasonRequired", "Membership.ReasonTooLong");

    private void Change(MembershipStatus status, string? reason, Guid by, DateTimeOffset now)
    {
        Status = status;
        Reason = reason;
        ChangedById = by;
        ChangedAt = now;
    }
}
