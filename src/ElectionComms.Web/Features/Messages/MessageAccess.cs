using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Messages;

/// <summary>
/// Who sees which messages and what the message rules need from the database, written once. The Secretary General
/// and auditors read every message; a director reads their directorate's messages and those to groups they
/// administer, and those of their reports on the superior route; everyone else reads their own. The queue holds the
/// submitted messages a director may decide on, by the route fixed at submission (ADR 0017, <see cref="ApproverPolicy"/>).
/// </summary>
public sealed class MessageAccess(AppDbContext db, ReadModelCache cache, TimeProvider clock)
{
    private List<StaffLine>? staffLines;

    public async Task<IQueryable<Message>> ReadableAsync(CurrentStaff user, CancellationToken cancellationToken = default)
    {
        switch (user.Role)
        {
            case StaffRole.SecretaryGeneral or StaffRole.Auditor:
                return db.Messages;
            case StaffRole.Director:
                var standing = await StandingAsync(user.Id, cancellationToken);

                // A message on the superior route (ADR 0017) is decided up the author's chain, wherever its groups are.
                var reports = standing.Reports;
                var own = db.Messages.Where(m =>
                    m.AuthorId == user.Id || m.DirectorateId == standing.DirectorateId ||
                    (m.ApprovalRoute == ApprovalRoute.Superior && reports.Contains(m.AuthorId)));
                if (standing.GroupsElsewhere.Count == 0)
                {
                    return own;
                }

                var groups = standing.GroupsElsewhere;
                var directorates = standing.DirectoratesElsewhere;
                return db.Messages.Where(m =>
                    m.AuthorId == user.Id ||
                    m.DirectorateId == standing.DirectorateId ||
                    (m.ApprovalRoute == ApprovalRoute.Superior && reports.Contains(m.AuthorId)) ||
                    (directorates.Contains(m.DirectorateId) &&
                     db.MessageVersionTargets.Any(t => t.VersionId == m.CurrentVersionId && groups.Contains(t.GroupId))));
            default:
                return db.Messages.Where(m => m.AuthorId == user.Id);
        }
    }

    /// <summary>
    /// Comments are the conversation between the author and those who decide (§7): the author, and the directors and the
    /// Secretary General who read the message. Auditors read the thread and write nothing (ADR 0020).
    /// </summary>
    public static bool MayComment(CurrentStaff user, Guid authorId) =>
        user.Id == authorId || ApproverPolicy.RoleMayApprove(user.Role);

    /// <summary>Submitted messages this user may approve, reject or send back (the same rule as <see cref="ApproverPolicy"/>).</summary>
    public async Task<IQueryable<Message>> AwaitingDecisionAsync(CurrentStaff user, CancellationToken cancellationToken = default)
    {
        if (!ApproverPolicy.RoleMayApprove(user.Role))
        {
            return db.Messages.Where(_ => false);
        }

        var standing = await StandingAsync(user.Id, cancellationToken);
        if (!standing.IsActive || !standing.Rank.AtLeastDirector())
        {
            return db.Messages.Where(_ => false);
        }

        // ApproverPolicy.Refusal by route: chain → a report's message to groups this user answers for; grant → anyone's
        // message (not their own) to groups they answer for; superior → a report's message, wherever it goes.
        var me = user.Id;
        var reports = standing.Reports;
        var waiting = db.Messages.Where(m => m.Status == MessageStatus.Submitted && m.AuthorId != me && (
            m.ApprovalRoute == ApprovalRoute.Grant || reports.Contains(m.AuthorId)));
        if (standing.GroupsElsewhere.Count == 0)
        {
            return waiting.Where(m => m.ApprovalRoute == ApprovalRoute.Superior || m.DirectorateId == standing.DirectorateId);
        }

        // Outside their own directorate a director answers for a message only when they administer every target.
        var groups = standing.GroupsElsewhere;
        var directorates = standing.DirectoratesElsewhere;
        return waiting.Where(m =>
            m.ApprovalRoute == ApprovalRoute.Superior ||
            m.DirectorateId == standing.DirectorateId ||
            (directorates.Contains(m.DirectorateId) &&
             db.MessageVersionTargets.Where(t => t.VersionId == m.CurrentVersionId).All(t => groups.Contains(t.GroupId))));
    }

    /// <summary>
    /// The navigation badge: how many messages wait for this user's decision. Shown on every page, so it is kept in the
    /// read-model cache until the next committed change (the queue page itself always counts afresh).
    /// </summary>
    public Task<int> PendingCountAsync(CurrentStaff user, CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync($"messages:pending:{user.Id}:{user.Role}", async () => await (await AwaitingDecisionAsync(user, cancellationToken)).CountAsync(cancellationToken));

    /// <summary>Groups this user may address a message to: assigned as officer (§7) or holding an active grant (§8).</summary>
    public IQueryable<Group> Transmittable(Guid userId)
    {
        var active = TransmitGrant.ActiveAt(clock.GetUtcNow());
        return db.Groups.Where(g => g.Status == GroupStatus.Active && (
            g.Officers.Any(o => o.StaffMemberId == userId) ||
            db.TransmitGrants.Where(active).Any(t => t.GroupId == g.Id && t.GranteeId == userId)));
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
                transmittable.Contains(g.Id),
                g.Officers.Any(o => o.StaffMemberId == authorId)))
            .ToListAsync(cancellationToken);
        return targets.Count == ids.Count ? targets : throw new Domain.Common.DomainException("Message.TargetUnknown");
    }

    /// <summary>Everyone who might decide on a message: active staff whose account holds a deciding role.</summary>
    public async Task<IReadOnlyList<ApproverCandidate>> ApproverCandidatesAsync(CancellationToken cancellationToken = default)
    {
        string[] deciding = [StaffRole.Director, StaffRole.SecretaryGeneral];
        var rows = await db.Staff.AsNoTracking()
            .Where(s => s.IsActive && Ranks.DirectorOrAbove.Contains(s.Rank))
            .SelectMany(s => db.UserRoles.Where(ur => ur.UserId == s.Id)
                .SelectMany(ur => db.Roles.Where(r => r.Id == ur.RoleId && deciding.Contains(r.Name!)))
                .Select(r => new { Staff = s, Role = r.Name }))
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ApproverCandidate(r.Staff, r.Role)).ToList();
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

    // Every message page asks, so the answer is kept in the read-model cache until the next commit of this process: it
    // decides only what is listed. Decisions themselves re-read the reporting line and the targets (MessageDecisions).
    private Task<Standing> StandingAsync(Guid userId, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync($"messages:standing:{userId}", async () =>
        {
            var me = (await StaffLinesAsync(cancellationToken)).SingleOrDefault(s => s.Id == userId);
            var myDirectorate = me?.DirectorateId ?? 0;
            var reports = await ReportsOfAsync(userId, cancellationToken);

            // A message's groups all belong to the message's directorate (ADR 0014), so in their own directorate a
            // director needs no group test at all. Only the groups they administer elsewhere are read, and passed as a
            // short list: joined to groups inside the message filters, or passed whole (thousands of ids), PostgreSQL
            // spent 10–40 ms planning each query over 100,000 messages (docs/performance.md, issue 6).
            var elsewhere = await db.Groups.AsNoTracking()
                .Where(g => g.AdministratorId == userId)
                .Join(db.OfficialAccounts, g => g.AccountId, a => a.Id, (g, a) => new { g.Id, a.DirectorateId })
                .Where(g => g.DirectorateId != myDirectorate)
                .ToListAsync(cancellationToken);
            return new Standing(
                me?.Rank ?? Rank.Specialist,
                me?.DirectorateId,
                me?.IsActive ?? false,
                reports,
                elsewhere.Select(g => g.Id).ToList(),
                elsewhere.Select(g => g.DirectorateId).Distinct().ToList());
        });

    // The staff table holds the KQZ's own employees (hundreds), so the reporting lines are read whole.
    private async Task<Dictionary<Guid, Guid?>> SuperiorsAsync(CancellationToken cancellationToken) =>
        (await StaffLinesAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.SuperiorId);

    private async Task<List<StaffLine>> StaffLinesAsync(CancellationToken cancellationToken) =>
        staffLines ??= await db.Staff.AsNoTracking()
            .Select(s => new StaffLine(s.Id, s.SuperiorId, s.Rank, s.DirectorateId, s.IsActive))
            .ToListAsync(cancellationToken);

    private sealed record StaffLine(Guid Id, Guid? SuperiorId, Rank Rank, int DirectorateId, bool IsActive);

    private sealed record Standing(
        Rank Rank, int? DirectorateId, bool IsActive, List<Guid> Reports, List<int> GroupsElsewhere, List<int> DirectoratesElsewhere);
}
