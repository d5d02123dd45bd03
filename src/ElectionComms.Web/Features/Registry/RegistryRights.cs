using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;

namespace ElectionComms.Web.Features.Registry;

/// <summary>
/// Who does what in the registry. Everyone the /Registry folder policy lets in reads it with masked numbers; the
/// clerk keeping the registry changes it; §10: only the roles that act on numbers (clerk, directors, Secretary
/// General) may reveal one, and each reveal is audited.
/// </summary>
public static class RegistryRights
{
    /// <summary>The policy of the pages that only change the registry (the roster import), over <see cref="ChangeRoles"/>.</summary>
    public const string ChangePolicy = "ChangeRegistry";

    public static readonly string[] ChangeRoles = [StaffRole.Clerk];

    public static bool MayChange(CurrentStaff staff) => ChangeRoles.Any(staff.Is);

    public static bool MayReveal(CurrentStaff staff) =>
        staff.Is(StaffRole.Clerk) || staff.Is(StaffRole.Director) || staff.Is(StaffRole.SecretaryGeneral);
}
