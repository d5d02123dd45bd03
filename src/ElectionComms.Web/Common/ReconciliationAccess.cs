using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;

namespace ElectionComms.Web.Common;

/// <summary>
/// Who reconciles a group and records its members (§11): the clerks of the group's directorate and the directors
/// who manage it (<see cref="GroupOperation.ManageMembers"/>); the Secretary General and auditors read.
/// </summary>
public sealed class ReconciliationAccess(GroupAccess access)
{
    public static bool ReadsAll(CurrentStaff user) => user.Is(StaffRole.SecretaryGeneral) || user.Is(StaffRole.Auditor);

    public Task<bool> MayManageAsync(CurrentStaff user, int groupId, CancellationToken cancellationToken) =>
        access.CanAsync(user, groupId, GroupOperation.ManageMembers, cancellationToken);

    public async Task<bool> MayReadAsync(CurrentStaff user, int groupId, CancellationToken cancellationToken) =>
        ReadsAll(user) || await MayManageAsync(user, groupId, cancellationToken);
}
