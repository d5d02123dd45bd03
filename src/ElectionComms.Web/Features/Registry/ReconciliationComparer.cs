using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Registry;

/// <summary>
/// Feeds members seen on the platform (from any source) and the registry into <see cref="ReconciliationReport"/>.
/// Numbers are matched in SQL; rows without a number are matched by folded name against the election's people.
/// </summary>
public sealed class ReconciliationComparer(AppDbContext db, EligibilityQuery eligibility, IPhoneNormaliser phones)
{
    public async Task<ReconciliationReport> CompareAsync(
        GroupTarget group, IAsyncEnumerable<MemberObservation> observations, DateOnly today, CancellationToken cancellationToken)
    {
        // The one list of members held: the report needs them all; the file is read into it row by row.
        var observed = new List<ObservedMember>();
        await foreach (var o in observations.WithCancellation(cancellationToken))
        {
            observed.Add(new ObservedMember(phones.ToE164(o.Phone), string.IsNullOrWhiteSpace(o.Phone) ? null : o.Phone.Trim(), o.Name));
        }

        var locations = await eligibility.LocationsAsync(group.ElectionId, cancellationToken);
        var numbers = observed.Where(o => o.PhoneE164 is not null).Select(o => o.PhoneE164!).Distinct().ToArray();
        var people = db.People.AsNoTracking().Where(p => p.ElectionId == group.ElectionId);

        var byPhone = (await Candidates(people.Where(p => numbers.Contains(p.Phone)), locations, cancellationToken))
            .GroupBy(c => c.Phone)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Status).ThenByDescending(c => c.PersonId).First(), StringComparer.Ordinal);

        // Only rows without any number match by name; the whole election's names are read only when such rows exist.
        var byName = new Dictionary<string, List<RegistryCandidate>>(StringComparer.Ordinal);
        if (observed.Any(o => o.RawPhone is null && !string.IsNullOrWhiteSpace(o.Name)))
        {
            foreach (var candidate in await Candidates(people, locations, cancellationToken))
            {
                var key = NameFolding.Fold(candidate.FullName);
                if (!byName.TryGetValue(key, out var list))
                {
                    byName[key] = list = [];
                }

                list.Add(candidate);
            }
        }

        return ReconciliationReport.Build(
            observed,
            phone => byPhone.GetValueOrDefault(phone),
            name => byName.TryGetValue(name, out var list) ? list : [],
            group.Level,
            group.Scope,
            today);
    }

    private static async Task<List<RegistryCandidate>> Candidates(
        IQueryable<Person> people, Dictionary<(AdministrationLevel Level, int UnitId), UnitLocation> locations, CancellationToken cancellationToken)
    {
        var rows = await people
            .Select(p => new { p.Id, p.FullName, p.Phone, p.Level, p.UnitId, p.Status, p.MandateFrom, p.MandateTo })
            .ToListAsync(cancellationToken);
        return rows.Select(p => new RegistryCandidate(
            p.Id,
            p.FullName,
            p.Phone,
            p.Level,
            locations.GetValueOrDefault((p.Level, p.UnitId), new UnitLocation(p.UnitId, null, null, null)),
            p.Status,
            p.MandateFrom,
            p.MandateTo)).ToList();
    }
}
