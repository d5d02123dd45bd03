using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// §11 without waiting for a clerk (issue 14 item 3): people the platform shows in a group whose mandate has ended,
/// whose registry entry was ended, or whom a clerk removed from the group are taken out of it by the bot. Runs every
/// <see cref="PlatformEventsOptions.SweepSeconds"/>; at most 500 removals per run, the rest the next time.
/// </summary>
public sealed class MembershipSweep(AppDbContext db, MemberDecisions decisions, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = PortalTime.Today(clock);
        var latest = db.MemberEvents.GroupBy(e => new { e.GroupId, e.PlatformUserId }).Select(g => g.Max(e => e.Id));
        var stale = await (
                from e in db.MemberEvents
                where latest.Contains(e.Id) && (e.Kind == MemberEventKind.Joined || e.Kind == MemberEventKind.JoinApproved)
                join p in db.People on e.PersonId equals p.Id
                let ended = p.Status != PersonStatus.Active || (p.MandateTo != null && p.MandateTo < today)
                where ended || db.GroupMemberships.Any(m => m.GroupId == e.GroupId && m.PersonId == p.Id && m.Status == MembershipStatus.Removed)
                orderby e.Id
                select new { e.GroupId, e.PlatformUserId, e.DisplayName, e.PersonId, Ended = ended })
            .Take(500).ToListAsync(cancellationToken);
        if (stale.Count == 0)
        {
            return 0;
        }

        var groupIds = stale.Select(s => s.GroupId).Distinct().ToList();
        var groups = await (from g in db.Groups
                            join a in db.OfficialAccounts on g.AccountId equals a.Id
                            where groupIds.Contains(g.Id)
                            select new { Group = g, a.Handle }).ToDictionaryAsync(x => x.Group.Id, cancellationToken);
        foreach (var member in stale)
        {
            var target = groups[member.GroupId];
            decisions.Remove(target.Group, target.Handle, member.PlatformUserId, member.DisplayName, member.PersonId,
                member.Ended ? MemberRefusal.MandateEnded : MemberRefusal.RemovedFromGroup, updateId: null);
        }

        await db.SaveChangesAsync(cancellationToken);
        return stale.Count;
    }
}
