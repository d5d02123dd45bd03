using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Common;

/// <summary>
/// Who works with invitations (§5b): clerks create, revoke, re-issue and print them for the groups whose members
/// they manage (<see cref="GroupOperation.ManageMembers"/>); directors, the Secretary General and auditors view them
/// for the groups they may read. Written over <see cref="GroupAccess"/> so the group rules stay in one place.
/// </summary>
public sealed class InvitationAccess(GroupAccess access, AppDbContext db)
{
    public static readonly string[] Roles = [StaffRole.Clerk, StaffRole.Director, StaffRole.SecretaryGeneral, StaffRole.Auditor];

    public IQueryable<Group> Issuable(CurrentStaff user) =>
        user.Is(StaffRole.Clerk) ? access.Filter(user, GroupOperation.ManageMembers) : db.Groups.Where(_ => false);

    public IQueryable<Group> Viewable(CurrentStaff user) =>
        user.Is(StaffRole.Clerk) ? Issuable(user)
        : user.Role is StaffRole.Director or StaffRole.SecretaryGeneral or StaffRole.Auditor ? access.Readable(user)
        : db.Groups.Where(_ => false);

    public Task<bool> MayIssueAsync(CurrentStaff user, int groupId, CancellationToken cancellationToken) =>
        Issuable(user).AnyAsync(g => g.Id == groupId, cancellationToken);

    public Task<bool> MayViewAsync(CurrentStaff user, int groupId, CancellationToken cancellationToken) =>
        Viewable(user).AnyAsync(g => g.Id == groupId, cancellationToken);
}
