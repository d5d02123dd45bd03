using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Organisation;

/// <summary>
/// What an administrator may not do to their own account. Locking oneself out, or giving up the administrator role
/// by a slip of the mouse, could leave the portal with nobody able to manage accounts; another administrator must
/// do it.
/// </summary>
public static class OwnAccount
{
    public static void EnsureMayDeactivate(Guid actorId, Guid staffId)
    {
        if (actorId == staffId)
        {
            throw new DomainException("Staff.CannotDeactivateSelf");
        }
    }

    public static void EnsureMayChangeRole(Guid actorId, Guid staffId, string? currentRole, string newRole)
    {
        if (actorId == staffId && currentRole == StaffRole.SystemAdministrator && newRole != StaffRole.SystemAdministrator)
        {
            throw new DomainException("Staff.CannotLeaveOwnAdministratorRole");
        }
    }
}
