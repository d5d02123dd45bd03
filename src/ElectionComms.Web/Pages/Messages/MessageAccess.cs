using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Messaging;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Pages.Messages;

/// <summary>
/// Who sees which messages and what the message rules need from the database, written once. The Secretary General
/// and auditors read every message; a director reads their directorate's messages and those to groups they
/// administer; everyone else reads their own. The queue holds the submitted messages a director may decide on:
/// authored by someone who reports to them (directly or further down) and aimed only at groups they answer for.
/// </summary>
public sealed class MessageAccess(AppDbContext db, TimeProvider clock)
{
    public async Task<IQueryable<Message>> ReadableAsync(CurrentStaff user, CancellationToken cancellationToken = default)
    {
        switch (user.Role)
        {
            case StaffRole.SecretaryGeneral or StaffRole.Auditor:
                return db.Messages;
            case StaffRole.Director:
                var administered = await AdministeredAsync(user.Id, cancellationToken);
                return db.Messages.Where(m =>
                    m.AuthorId == user.Id ||
                    m.DirectorateId == user.DirectorateId ||
                    db.MessageVersionTargets.Any(t => t.VersionId == m.CurrentVersionId && administered.Contains(t.GroupId)));
            default:
                return db.Messages.Where(m => m.AuthorId == user.Id);
        }
    }

    /// <summary>Submitted messages this user may approve, reject or send back (the same rule as <see cref="ApproverPolicy"/>).</summary>
    public async Task<IQueryable<Message>> AwaitingDecisionAsync(CurrentStaff user, CancellationToken cancellationToken = default)
    {
        if (!ApproverPolicy.RoleMayApprove(user.Role))
        {
            return db.Messages.Where(_ => false);
        }

        var me = await db.Staff.AsNoTracking().Where(s => s.Id == user.Id).Select(s => new { s.Rank, s.DirectorateId, s.IsActive }).SingleOrDefaultAsync(cancellationToken);
        if (me is null || !me.IsActive || me.Rank < Rank.Director)
        {
            return db.Messages.Where(_ => false);
        }

        var reports = await ReportsOfAsync(user.Id, cancellationToken);
        var administered = await AdministeredAsync(user.Id, cancellationToken);
        // A message's groups all belong to its directorate (ADR 0014): the director of that directorate answers for
        // all of them; anyone else only when they administer every one.
        return db.Messages.Where(m =>
            m.Status == MessageStatus.Submitted &&
            reports.Contains(m.AuthorId) &&
            (m.DirectorateId == me.DirectorateId ||
             db.MessageVersionTargets.Where(t => t.VersionId == m.CurrentVersionId).All(t => administered.Contains(t.GroupId))));
    }

    /// <summary>Groups this user may address a message to: assigned as officer (§7) or holding an active grant (§8).</summary>
    public IQueryable<Group> Transmittable(Guid userId)
    {
        var now = clock.GetUtcNow();
        return db.Groups.Where(g => g.Status == GroupStatus.Active && (
            g.Officers.Any(o => o.StaffMemberId == userId) ||
            db.TransmitGrants.Any(t => t.GroupId == g.Id && t.GranteeId == userId && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))));
    }

    /// <summary>The groups as the message rules see them, from the author's point of view.</summary>
    public async Task<IReadOnlyList<TargetGroup>> TargetsAsync(Guid authorId, IEnumerable<int> groupIds, CancellationToken cancellationToken = default)
    {
        var ids = groupIds.Distinct().ToList();
        var transmittable = Transmittable(authorId).Select(g => g.Id);
        var targets = await db.Groups.AsNoTracking()
            .Where(g => ids.Contains(g.Id))
            .Select(g => new TargetGroup(
                g.Id,
                g.Name,
                db.OfficialAccounts.Where(a => a.Id == g.AccountId).Select(a => a.DirectorateId).First(),
                g.AdministratorId,
                g.IsTestGroup,
                g.Status == GroupStatus.Active,
                transmittable.Contains(g.Id)))
            .ToListAsync(cancellationToken);
        return targets.Count == ids.Count ? targets : throw new Domain.Common.DomainException("Message.TargetUnknown");
    }

    /// <summary>The author's superiors, nearest first.</summary>
    public async Task<IReadOnlyList<Guid>> ChainAsync(Guid authorId, CancellationToken cancellationToken = default) =>
        ApproverPolicy.ChainOf(authorId, await SuperiorsAsync(cancellationToken));

    /// <summary>Everyone who reports to this person, directly or further down.</summary>
    public async Task<List<Guid>> ReportsOfAsync(Guid superiorId, CancellationToken cancellationToken = default)
    {
        var superiors = await SuperiorsAsync(cancellationToken);
        return superiors.Keys.Where(id => ApproverPolicy.ChainOf(id, superiors).Contains(superiorId)).ToList();
    }

    /// <summary>Loads a message with what its rules need: versions with their targets, and approvals.</summary>
    public Task<Message?> LoadAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Messages
            .Include(m => m.Versions).ThenInclude(v => v.Targets)
            .Include(m => m.Approvals)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    // Read first and passed as a list: joined to groups inside the message filters, the planner spent ~40 ms per
    // query weighing merge joins over 100,000 messages (docs/performance.md, issue 6).
    private Task<List<int>> AdministeredAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Groups.Where(g => g.AdministratorId == userId).Select(g => g.Id).ToListAsync(cancellationToken);

    // The staff table holds the KQZ's own employees (hundreds), so the reporting lines are read whole.
    private async Task<Dictionary<Guid, Guid?>> SuperiorsAsync(CancellationToken cancellationToken) =>
        await db.Staff.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.SuperiorId, cancellationToken);
}
