using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Channels;

public enum GroupStatus
{
    Active = 1,
    Inactive = 2,
}

/// <summary>
/// A channel or group of an official account, dedicated to one level of the electoral administration and one
/// scope (§6), administered by someone of director rank or above (§7) with assigned communication officers.
/// </summary>
public sealed class Group
{
    public const int NameMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    private readonly List<GroupOfficer> officers = [];

    private Group()
    {
        Name = string.Empty;
        PlatformId = string.Empty;
    }

    public int Id { get; private set; }

    public int AccountId { get; private set; }

    public int ElectionId { get; private set; }

    /// <summary>Copied from the account so the platform identifier can be unique per platform in the database.</summary>
    public Platform Platform { get; private set; }

    public GroupKind Kind { get; private set; }

    public string Name { get; private set; }

    public AdministrationLevel Level { get; private set; }

    public ScopeKind ScopeKind { get; private set; }

    public int? ScopeTargetId { get; private set; }

    public string PlatformId { get; private set; }

    public Guid AdministratorId { get; private set; }

    public GroupStatus Status { get; private set; }

    public string? StatusReason { get; private set; }

    /// <summary>Test groups receive test messages only, and only test messages may go to them.</summary>
    public bool IsTestGroup { get; private set; }

    /// <summary>The KQZ logo version the group shows online (§6); null until someone records it.</summary>
    public int? LogoVersion { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Why the last delivery could not reach the group (bot removed, chat not found), for the inventory's problem
    /// list; cleared by the next delivery that does reach it.
    /// </summary>
    public string? DeliveryProblem { get; private set; }

    public DateTimeOffset? DeliveryProblemAt { get; private set; }

    /// <summary>The platform's own join link (§5b), handed out by invitations after the registry check.</summary>
    public string? JoinLink { get; private set; }

    /// <summary>Telegram only: the group admits people by join request, through the KQZ bot's start link.</summary>
    public bool UsesJoinRequests { get; private set; }

    public string? BotStartLink { get; private set; }

    /// <summary>The link an eligible person is given: the bot's start link for join requests, else the join link.</summary>
    public string? InvitationLink => UsesJoinRequests ? BotStartLink : JoinLink;

    public IReadOnlyCollection<GroupOfficer> Officers => officers.AsReadOnly();

    public GroupScope Scope => new(ScopeKind, ScopeTargetId);

    public static Group Create(
        OfficialAccount account, int electionId, GroupKind kind, string name, AdministrationLevel level, GroupScope scope,
        string platformId, StaffMember administrator, bool isTestGroup, DateTimeOffset now)
    {
        account.EnsureCarriesGroups();
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Group.UnknownKind");
        }

        scope.EnsureFits(level);
        var group = new Group
        {
            AccountId = account.Id,
            ElectionId = electionId,
            Platform = account.Platform,
            Kind = kind,
            Level = level,
            ScopeKind = scope.Kind,
            ScopeTargetId = scope.TargetId,
            Status = GroupStatus.Active,
            IsTestGroup = isTestGroup,
            CreatedAt = now,
        };
        group.Rename(name);
        group.ChangePlatformId(platformId);
        group.AssignAdministrator(administrator);
        return group;
    }

    public int? Capacity => PlatformRules.Capacity(Platform, Kind, PlatformId);

    public void Rename(string name) =>
        Name = Guard.Text(name, NameMaxLength, "Group.NameRequired", "Group.NameTooLong");

    public void ChangePlatformId(string platformId) => PlatformId = PlatformIdentifier.Normalise(Platform, platformId);

    /// <summary>
    /// Sets or clears the join link. Join requests through the bot are a Telegram feature and need both the group's
    /// link and the bot's start link.
    /// </summary>
    public void SetJoinLink(string? joinLink, bool usesJoinRequests, string? botStartLink)
    {
        var link = Channels.JoinLink.Normalise(Platform, joinLink);
        if (usesJoinRequests && Platform != Platform.Telegram)
        {
            throw new DomainException("Group.JoinRequestsTelegramOnly");
        }

        if (usesJoinRequests && link is null)
        {
            throw new DomainException("Group.JoinLinkRequiredForRequests");
        }

        JoinLink = link;
        UsesJoinRequests = usesJoinRequests;
        BotStartLink = usesJoinRequests ? Channels.JoinLink.NormaliseBotStart(botStartLink) : null;
    }

    public void MarkAsTestGroup(bool isTestGroup) => IsTestGroup = isTestGroup;

    /// <summary>§7: the administrator holds at least director rank and is active.</summary>
    public void AssignAdministrator(StaffMember administrator)
    {
        if (!IsValidAdministrator(administrator))
        {
            throw new DomainException("Group.AdministratorRankTooLow", administrator.FullName);
        }

        AdministratorId = administrator.Id;
    }

    public static bool IsValidAdministrator(StaffMember administrator) =>
        administrator.IsActive && administrator.Rank.AtLeastDirector();

    public void AssignOfficer(StaffMember officer, Guid assignedBy, DateTimeOffset now)
    {
        if (!officer.IsActive)
        {
            throw new DomainException("Group.OfficerInactive", officer.FullName);
        }

        if (officers.Any(o => o.StaffMemberId == officer.Id))
        {
            throw new DomainException("Group.OfficerAlreadyAssigned", officer.FullName);
        }

        officers.Add(new GroupOfficer(Id, officer.Id, assignedBy, now));
    }

    public void RemoveOfficer(Guid officerId)
    {
        var officer = officers.FirstOrDefault(o => o.StaffMemberId == officerId)
            ?? throw new DomainException("Group.OfficerNotAssigned");
        officers.Remove(officer);
    }

    public void Deactivate(string reason)
    {
        if (Status == GroupStatus.Inactive)
        {
            throw new DomainException("Group.AlreadyInactive");
        }

        StatusReason = Guard.Text(reason, ReasonMaxLength, "Group.ReasonRequired", "Group.ReasonTooLong");
        Status = GroupStatus.Inactive;
    }

    public void Reactivate()
    {
        if (Status == GroupStatus.Active)
        {
            throw new DomainException("Group.AlreadyActive");
        }

        StatusReason = null;
        Status = GroupStatus.Active;
    }

    /// <summary>Records that the group now shows this logo version online (§6).</summary>
    public void MarkLogoShown(int version)
    {
        if (version <= 0)
        {
            throw new DomainException("Logo.UnknownVersion");
        }

        if (LogoVersion == version)
        {
            throw new DomainException("Group.LogoAlreadyCurrent", version);
        }

        LogoVersion = version;
    }

    public void ReportDeliveryProblem(string reason, DateTimeOffset now)
    {
        DeliveryProblem = reason.Length <= ReasonMaxLength ? reason : reason[..ReasonMaxLength];
        DeliveryProblemAt = now;
    }

    public void ClearDeliveryProblem()
    {
        DeliveryProblem = null;
        DeliveryProblemAt = null;
    }
}

/// <summary>A KQZ employee assigned to relay information to a group (§7).</summary>
public sealed class GroupOfficer
{
    internal GroupOfficer(int groupId, Guid staffMemberId, Guid assignedById, DateTimeOffset assignedAt)
    {
        GroupId = groupId;
        StaffMemberId = staffMemberId;
        AssignedById = assignedById;
        AssignedAt = assignedAt;
    }

    public int GroupId { get; private set; }

    public Guid StaffMemberId { get; private set; }

    public Guid AssignedById { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }
}
