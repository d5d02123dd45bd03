using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Channels;

public enum AccountStatus
{
    Requested = 1,
    Active = 2,
    Refused = 3,
    Suspended = 4,
    Closed = 5,
}

/// <summary>
/// An official KQZ account on a platform (§4). A directorate requests it; the Secretary General approves or
/// refuses it (§5a); only an active account carries groups and channels.
/// </summary>
public sealed class OfficialAccount
{
    public const int HandleMaxLength = 200;
    public const int NameMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    private OfficialAccount()
    {
        Handle = string.Empty;
        Name = string.Empty;
        Purpose = string.Empty;
    }

    public int Id { get; private set; }

    public Platform Platform { get; private set; }

    public ControlClass ControlClass { get; private set; }

    /// <summary>The @handle, phone number or app identifier by which people find the account.</summary>
    public string Handle { get; private set; }

    public string Name { get; private set; }

    public int DirectorateId { get; private set; }

    public AccountStatus Status { get; private set; }

    public string Purpose { get; private set; }

    public Guid RequestedById { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public Guid? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why the account was refused, suspended or closed.</summary>
    public string? StatusReason { get; private set; }

    public static OfficialAccount Request(
        Platform platform, ControlClass? controlClass, string handle, string name, int directorateId, string purpose,
        Guid requestedBy, DateTimeOffset now)
    {
        if (!Enum.IsDefined(platform))
        {
            throw new DomainException("Account.UnknownPlatform");
        }

        var implied = PlatformRules.ImpliedControl(platform);
        var control = controlClass ?? implied ?? throw new DomainException("Account.ControlClassRequired");
        if (!Enum.IsDefined(control) || (implied is not null && implied != control))
        {
            throw new DomainException("Account.ControlClassMismatch", platform, implied ?? control);
        }

        return new OfficialAccount
        {
            Platform = platform,
            ControlClass = control,
            Handle = Guard.Text(handle, HandleMaxLength, "Account.HandleRequired", "Account.HandleTooLong"),
            Name = Guard.Text(name, NameMaxLength, "Account.NameRequired", "Account.NameTooLong"),
            DirectorateId = directorateId > 0 ? directorateId : throw new DomainException("Account.DirectorateRequired"),
            Purpose = Guard.Text(purpose, ReasonMaxLength, "Account.PurposeRequired", "Account.ReasonTooLong"),
            Status = AccountStatus.Requested,
            RequestedById = requestedBy,
            RequestedAt = now,
        };
    }

    /// <summary>§5a: the Secretary General approves the creation. Nobody approves their own request.</summary>
    public void Approve(StaffMember secretaryGeneral, DateTimeOffset now)
    {
        Require(AccountStatus.Requested);
        EnsureSecretaryGeneral(secretaryGeneral);
        Status = AccountStatus.Active;
        DecidedById = secretaryGeneral.Id;
        DecidedAt = now;
        StatusReason = null;
    }

    public void Refuse(StaffMember secretaryGeneral, string reason, DateTimeOffset now)
    {
        Require(AccountStatus.Requested);
        EnsureSecretaryGeneral(secretaryGeneral);
        StatusReason = Reason(reason);
        Status = AccountStatus.Refused;
        DecidedById = secretaryGeneral.Id;
        DecidedAt = now;
    }

    public void Suspend(string reason)
    {
        Require(AccountStatus.Active);
        StatusReason = Reason(reason);
        Status = AccountStatus.Suspended;
    }

    public void Resume()
    {
        Require(AccountStatus.Suspended);
        StatusReason = null;
        Status = AccountStatus.Active;
    }

    public void Close(string reason)
    {
        if (Status is not (AccountStatus.Active or AccountStatus.Suspended))
        {
            throw new DomainException("Account.IllegalTransition", Status, AccountStatus.Closed);
        }

        StatusReason = Reason(reason);
        Status = AccountStatus.Closed;
    }

    public void EnsureCarriesGroups()
    {
        if (Status != AccountStatus.Active)
        {
            throw new DomainException("Group.AccountNotActive", Name);
        }

        if (!PlatformRules.CarriesGroups(Platform))
        {
            throw new DomainException("Group.PlatformHasNoGroups", Platform);
        }
    }

    private void EnsureSecretaryGeneral(StaffMember decider)
    {
        if (!decider.IsActive || decider.Rank != Rank.SecretaryGeneral)
        {
            throw new DomainException("Account.OnlySecretaryGeneralDecides");
        }

        if (decider.Id == RequestedById)
        {
            throw new DomainException("Account.OwnRequest");
        }
    }

    private static string Reason(string reason) =>
        Guard.Text(reason, ReasonMaxLength, "Account.ReasonRequired", "Account.ReasonTooLong");

    private void Require(AccountStatus expected)
    {
        if (Status != expected)
        {
            throw new DomainException("Account.IllegalTransition", Status, expected);
        }
    }
}
