using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;

namespace ElectionComms.Web.Data.Views;

/// <summary>
/// One group as the Secretary General's inventory sees it (database view <c>group_inventory</c>, migration
/// InventoryView): the group's own columns plus what the problem lists need — the owning directorate, whether the
/// administrator still satisfies §7, how many officers are assigned, whether the logo is outdated (§6) and how many
/// units of the group's level its scope covers. Read-only.
/// </summary>
public sealed class GroupInventoryRow
{
    public int Id { get; private set; }

    public int ElectionId { get; private set; }

    public int AccountId { get; private set; }

    public int DirectorateId { get; private set; }

    public Platform Platform { get; private set; }

    public GroupKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public AdministrationLevel Level { get; private set; }

    public ScopeKind ScopeKind { get; private set; }

    public int? ScopeTargetId { get; private set; }

    /// <summary>The qark, municipality, KZAZ or unit the scope names, e.g. "Tiranë", "KZAZ 12", "KQV 0119"; null for national.</summary>
    public string? ScopeName { get; private set; }

    /// <summary>Units of the group's level inside its scope; a unit scope counts as one.</summary>
    public int ScopeUnits { get; private set; }

    public string PlatformId { get; private set; } = string.Empty;

    public GroupStatus Status { get; private set; }

    public bool IsTestGroup { get; private set; }

    public int? LogoVersion { get; private set; }

    /// <summary>A logo version exists and the group shows none or an older one.</summary>
    public bool LogoOutdated { get; private set; }

    public Guid AdministratorId { get; private set; }

    public string AdministratorName { get; private set; } = string.Empty;

    /// <summary>§7: the administrator is active and of director rank or above.</summary>
    public bool AdministratorValid { get; private set; }

    public int OfficerCount { get; private set; }

    /// <summary>
    /// The last delivery failed, or the platform shows the group's administrators differ from §7 (migration
    /// AdministratorChecks: the bot lacks a right, the designated administrator is missing, or someone else is one).
    /// </summary>
    public bool PlatformProblem { get; private set; }
}
