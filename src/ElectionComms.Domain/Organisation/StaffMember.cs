using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Organisation;

/// <summary>
/// A KQZ employee: rank, directorate and the superior who approves what they publish (§7).
/// Shares its id with the sign-in account, which lives in the web host.
/// </summary>
public sealed class StaffMember
{
    public const int FullNameMaxLength = 150;
    public const int EmailMaxLength = 256;
    public const int PositionMaxLength = 200;

    private StaffMember()
    {
        FullName = string.Empty;
        Email = string.Empty;
        Position = string.Empty;
    }

    public Guid Id { get; private set; }

    public string FullName { get; private set; }

    public string Email { get; private set; }

    public string Position { get; private set; }

    public Rank Rank { get; private set; }

    public int DirectorateId { get; private set; }

    public Guid? SuperiorId { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DeactivatedAt { get; private set; }

    public static StaffMember Create(
        Guid id, string fullName, string email, string? position, Rank rank, int directorateId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(rank))
        {
            throw new DomainException("Staff.UnknownRank");
        }

        var member = new StaffMember
        {
            Id = id,
            Email = Guard.Text(email, EmailMaxLength, "Staff.EmailRequired", "Staff.EmailTooLong").ToLowerInvariant(),
            Rank = rank,
            IsActive = true,
            CreatedAt = now,
        };
        member.Rename(fullName, position);
        member.MoveTo(directorateId);
        return member;
    }

    public void Rename(string fullName, string? position)
    {
        FullName = Guard.Text(fullName, FullNameMaxLength, "Staff.NameRequired", "Staff.NameTooLong");
        var trimmed = position?.Trim() ?? string.Empty;
        if (trimmed.Length > PositionMaxLength)
        {
            throw new DomainException("Staff.PositionTooLong", PositionMaxLength);
        }

        Position = trimmed;
    }

    public void MoveTo(int directorateId)
    {
        if (directorateId <= 0)
        {
            throw new DomainException("Staff.DirectorateRequired");
        }

        DirectorateId = directorateId;
    }

    /// <summary>
    /// Sets who this person reports to. The superior must be active and outrank them, and the reporting line must
    /// not loop back, because approval (§7) walks up this chain.
    /// </summary>
    /// <param name="staffById">Everyone the chain may pass through, to detect a cycle.</param>
    public void ReportTo(StaffMember? superior, IReadOnlyDictionary<Guid, StaffMember> staffById)
    {
        if (superior is null)
        {
            SuperiorId = null;
            return;
        }

        if (Rank == Rank.SecretaryGeneral)
        {
            throw new DomainException("Staff.SecretaryGeneralHasNoSuperior");
        }

        if (superior.Id == Id)
        {
            throw new DomainException("Staff.SuperiorIsSelf");
        }

        if (!superior.IsActive)
        {
            throw new DomainException("Staff.SuperiorInactive", superior.FullName);
        }

        if (superior.Rank <= Rank)
        {
            throw new DomainException("Staff.SuperiorRankTooLow", superior.FullName, superior.Rank, Rank);
        }

        var visited = new HashSet<Guid>();
        for (var current = superior; current.SuperiorId is { } next;)
        {
            if (next == Id || !visited.Add(next))
            {
                throw new DomainException("Staff.SuperiorCycle", superior.FullName);
            }

            if (!staffById.TryGetValue(next, out var found))
            {
                break;
            }

            current = found;
        }

        SuperiorId = superior.Id;
    }

    /// <summary>Changes rank while keeping the reporting line valid both upwards and downwards.</summary>
    public void ChangeRank(Rank newRank, StaffMember? superior, IEnumerable<StaffMember> directReports)
    {
        if (!Enum.IsDefined(newRank))
        {
            throw new DomainException("Staff.UnknownRank");
        }

        if (superior is not null && superior.Rank <= newRank)
        {
            throw new DomainException("Staff.SuperiorRankTooLow", superior.FullName, superior.Rank, newRank);
        }

        var outranking = directReports.FirstOrDefault(r => r.IsActive && r.Rank >= newRank);
        if (outranking is not null)
        {
            throw new DomainException("Staff.RankNotAboveReport", outranking.FullName);
        }

        if (newRank == Rank.SecretaryGeneral && SuperiorId is not null)
        {
            throw new DomainException("Staff.SecretaryGeneralHasNoSuperior");
        }

        Rank = newRank;
    }

    /// <summary>
    /// Changes rank and superior in one step, in the order that lets every valid combination through: a promotion
    /// to Secretary General first drops the superior, a move under a new superior checks the new rank against them.
    /// On a broken rule nothing changes.
    /// </summary>
    /// <param name="staffById">All staff, to find direct reports and to detect a loop.</param>
    public void Reposition(Rank newRank, StaffMember? superior, IReadOnlyDictionary<Guid, StaffMember> staffById)
    {
        var (oldRank, oldSuperiorId) = (Rank, SuperiorId);
        var directReports = staffById.Values.Where(s => s.SuperiorId == Id && s.Id != Id).ToList();
        try
        {
            if (superior is null)
            {
                ReportTo(null, staffById);
                ChangeRank(newRank, null, directReports);
                return;
            }

            ChangeRank(newRank, superior, directReports);
            if (superior.Id != oldSuperiorId)
            {
                ReportTo(superior, staffById);
            }
        }
        catch (DomainException)
        {
            (Rank, SuperiorId) = (oldRank, oldSuperiorId);
            throw;
        }
    }

    /// <summary>
    /// Ends the account. People who still report to this person must be moved first, so nobody is left
    /// without a superior to approve their messages.
    /// </summary>
    public void Deactivate(int activeDirectReports, DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new DomainException("Staff.AlreadyInactive");
        }

        if (activeDirectReports > 0)
        {
            throw new DomainException("Staff.HasActiveReports", activeDirectReports);
        }

        IsActive = false;
        DeactivatedAt = now;
    }

    /// <summary>
    /// Brings a deactivated account back. The reporting line is checked again because it may have changed while
    /// the person was away (the superior left or was demoted); otherwise a loop could be built through them.
    /// </summary>
    /// <param name="superior">The person's recorded superior, or null when they have none.</param>
    public void Reactivate(StaffMember? superior)
    {
        if (IsActive)
        {
            throw new DomainException("Staff.AlreadyActive");
        }

        if (superior is not null)
        {
            if (superior.Id != SuperiorId)
            {
                throw new ArgumentException("Pass the recorded superior.", nameof(superior));
            }

            if (!superior.IsActive)
            {
                throw new DomainException("Staff.SuperiorInactive", superior.FullName);
            }

            if (superior.Rank <= Rank)
            {
                throw new DomainException("Staff.SuperiorRankTooLow", superior.FullName, superior.Rank, Rank);
            }
        }
        else if (SuperiorId is not null)
        {
            throw new ArgumentException("The recorded superior is missing.", nameof(superior));
        }

        IsActive = true;
        DeactivatedAt = null;
    }
}
