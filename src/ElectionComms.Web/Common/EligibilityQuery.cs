using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Common;

/// <summary>The group a membership question is about: enough of it to apply <see cref="Eligibility"/>.</summary>
public sealed record GroupTarget(int Id, int ElectionId, AdministrationLevel Level, GroupScope Scope)
{
    public static IQueryable<GroupTarget> Of(IQueryable<Group> groups) =>
        groups.Select(g => new GroupTarget(g.Id, g.ElectionId, g.Level, new GroupScope(g.ScopeKind, g.ScopeTargetId)));
}

/// <summary>
/// <see cref="Eligibility"/> as SQL, for counting and listing the people who may belong to a group; and the unit
/// locations the in-memory rule needs. Tests check on the seeded data that both give the same people.
/// </summary>
public sealed class EligibilityQuery(AppDbContext db)
{
    public async Task<GroupTarget?> TargetAsync(int groupId, CancellationToken cancellationToken) =>
        await GroupTarget.Of(db.Groups.Where(g => g.Id == groupId)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Active people of the group's election and level whose mandate covers <paramref name="today"/> and whose unit lies in the scope.</summary>
    public IQueryable<Person> Eligible(GroupTarget group, DateOnly today)
    {
        var people = db.People.Where(p => p.ElectionId == group.ElectionId && p.Level == group.Level
            && p.Status == PersonStatus.Active && p.MandateFrom <= today && (p.MandateTo == null || p.MandateTo >= today));
        var target = group.Scope.TargetId ?? 0;
        return group.Scope.Kind switch
        {
            ScopeKind.National => people,
            ScopeKind.Unit => people.Where(p => p.UnitId == target),
            ScopeKind.Kzaz => InKzazs(people, group.Level, db.Kzazs.Where(k => k.Id == target).Select(k => k.Id)),
            ScopeKind.Municipality => InKzazs(people, group.Level, db.Kzazs.Where(k => k.MunicipalityId == target).Select(k => k.Id)),
            ScopeKind.Qark => InKzazs(people, group.Level, db.Kzazs
                .Where(k => db.Municipalities.Any(m => m.Id == k.MunicipalityId && m.QarkId == target)).Select(k => k.Id)),
            _ => people.Where(_ => false),
        };
    }

    /// <summary>Whether the person is eligible for the group today.</summary>
    public async Task<bool> IsEligibleAsync(GroupTarget group, int personId, DateOnly today, CancellationToken cancellationToken) =>
        await Eligible(group, today).AnyAsync(p => p.Id == personId, cancellationToken);

    /// <summary>
    /// For invitations (§5b, §11): the person is eligible for the group today and was not removed from it (unless a
    /// clerk reinstated them since).
    /// </summary>
    public async Task<bool> MayBeInvitedAsync(int personId, int groupId, DateOnly today, CancellationToken cancellationToken)
    {
        var group = await TargetAsync(groupId, cancellationToken);
        if (group is null || !await IsEligibleAsync(group, personId, today, cancellationToken))
        {
            return false;
        }

        var membership = await db.GroupMemberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.GroupId == groupId && m.PersonId == personId, cancellationToken);
        return GroupMembership.MayBeInvited(membership);
    }

    /// <summary>Where every unit of the election lies, keyed by level and unit id (about 6,500 rows nationally).</summary>
    public async Task<Dictionary<(AdministrationLevel Level, int UnitId), UnitLocation>> LocationsAsync(int electionId, CancellationToken cancellationToken)
    {
        var zones = await db.Kzazs.Where(k => k.ElectionId == electionId)
            .Join(db.Municipalities, k => k.MunicipalityId, m => m.Id, (k, m) => new { k.Id, k.MunicipalityId, m.QarkId })
            .ToDictionaryAsync(k => k.Id, k => new UnitLocation(k.Id, k.Id, k.MunicipalityId, k.QarkId), cancellationToken);
        var result = zones.Values.ToDictionary(z => (AdministrationLevel.Kzaz, z.UnitId));
        UnitLocation In(int unitId, int? kzazId) => kzazId is { } k && zones.TryGetValue(k, out var zone)
            ? zone with { UnitId = unitId }
            : new UnitLocation(unitId, null, null, null);

        foreach (var v in await db.VotingCentres.Where(v => v.ElectionId == electionId).Select(v => new { v.Id, v.KzazId }).ToListAsync(cancellationToken))
        {
            result[(AdministrationLevel.Kqv, v.Id)] = In(v.Id, v.KzazId);
        }

        foreach (var g in await db.CountingGroups.Where(g => g.ElectionId == electionId).Select(g => new { g.Id, g.KzazId }).ToListAsync(cancellationToken))
        {
            result[(AdministrationLevel.Gnv, g.Id)] = In(g.Id, g.KzazId);
        }

        foreach (var t in await db.TechnicalTeams.Where(t => t.ElectionId == electionId).Select(t => new { t.Id, t.KzazId }).ToListAsync(cancellationToken))
        {
            result[(AdministrationLevel.TechnicalStaff, t.Id)] = In(t.Id, t.KzazId);
        }

        return result;
    }

    /// <summary>People whose unit (of the given level) belongs to one of <paramref name="kzazIds"/>.</summary>
    private IQueryable<Person> InKzazs(IQueryable<Person> people, AdministrationLevel level, IQueryable<int> kzazIds) => level switch
    {
        AdministrationLevel.Kzaz => people.Where(p => kzazIds.Contains(p.UnitId)),
        AdministrationLevel.Kqv => people.Where(p => db.VotingCentres.Any(v => v.Id == p.UnitId && kzazIds.Contains(v.KzazId))),
        AdministrationLevel.Gnv => people.Where(p => db.CountingGroups.Any(g => g.Id == p.UnitId && kzazIds.Contains(g.KzazId))),
        AdministrationLevel.TechnicalStaff => people.Where(p =>
            db.TechnicalTeams.Any(t => t.Id == p.UnitId && t.KzazId != null && kzazIds.Contains(t.KzazId.Value))),
        _ => people.Where(_ => false),
    };
}
