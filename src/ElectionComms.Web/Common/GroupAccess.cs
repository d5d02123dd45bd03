using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;

namespace ElectionComms.Web.Common;

public enum GroupOperation
{
    Read,

    /// <summary>Edit, change administrator or officers, deactivate.</summary>
    Manage,

    /// <summary>Record that the group shows the current logo (§6).</summary>
    MarkLogo,

    /// <summary>Reconcile the group's members with the registry and record who was added or removed (§11).</summary>
    ManageMembers,

    /// <summary>Read the group's members and reconciliations: those who manage them, the Secretary General and auditors.</summary>
    ReadMembers,
}

/// <summary>
/// Who may see and change which groups, written once as SQL filters so that lists, exports and single-group
/// checks can never disagree. The Secretary General and auditors read everything; a director works with the
/// groups of their directorate or those they administer; the director of Logistics and Digitalisation reads all
/// because they grant transmit access to any group (§8); an officer sees the groups assigned to them; a clerk sees
/// their directorate's groups; a help-line operator sees the groups they may transmit to; nobody else sees any.
/// </summary>
public sealed class GroupAccess(AppDbContext db, TimeProvider clock)
{
    public IQueryable<Group> Readable(CurrentStaff user)
    {
        var active = TransmitGrant.ActiveAt(clock.GetUtcNow());
        return user.Role switch
        {
            StaffRole.SecretaryGeneral or StaffRole.Auditor => db.Groups,
            StaffRole.Director when user.LeadsLogistics => db.Groups,
            StaffRole.Director or StaffRole.Clerk => OfDirectorateOrAdministered(user),
            StaffRole.CommunicationOfficer => db.Groups.Where(g => g.Officers.Any(o => o.StaffMemberId == user.Id)),
            StaffRole.HelplineOperator => db.Groups.Where(g => db.TransmitGrants.Where(active).Any(t => t.GroupId == g.Id && t.GranteeId == user.Id)),
            _ => db.Groups.Where(_ => false),
        };
    }

    public IQueryable<Group> Manageable(CurrentStaff user) => user.Role == StaffRole.Director
        ? OfDirectorateOrAdministered(user)
        : db.Groups.Where(_ => false);

    public IQueryable<Group> Filter(CurrentStaff user, GroupOperation operation) => operation switch
    {
        GroupOperation.Read => Readable(user),
        GroupOperation.Manage => Manageable(user),
        GroupOperation.MarkLogo or GroupOperation.ManageMembers =>
            user.Role == StaffRole.Clerk ? OfDirectorateOrAdministered(user) : Manageable(user),
        GroupOperation.ReadMembers => user.Role is StaffRole.SecretaryGeneral or StaffRole.Auditor
            ? db.Groups
            : Filter(user, GroupOperation.ManageMembers),
        _ => db.Groups.Where(_ => false),
    };

    public Task<bool> CanAsync(CurrentStaff user, int groupId, GroupOperation operation, CancellationToken cancellationToken = default) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            Filter(user, operation).Where(g => g.Id == groupId), cancellationToken);

    private IQueryable<Group> OfDirectorateOrAdministered(CurrentStaff user) => db.Groups.Where(g =>
        g.AdministratorId == user.Id ||
        db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.DirectorateId == user.DirectorateId));
}
