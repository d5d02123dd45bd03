using System.Diagnostics;
using System.Globalization;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Data.Seed;

/// <summary>
/// Demo people for the registry: seven per KZAZ and per voting-centre commission (chair, deputy, secretary, four
/// members), four counters per GNV and ten operators per technical team, with Albanian names and unique numbers
/// +355 69 5xx xxxx. Deterministic for the same administration. Written by the roster importer's staging, checks and
/// audited bulk write (ADR 0013), so a national election's ~42,000 people take seconds, each with an audit row.
/// </summary>
public sealed class PeopleSeeder(AppDbContext db, RosterImporter importer, ILogger<PeopleSeeder> logger)
{
    private const int FirstNumber = 5_000_000;
    private static readonly UnitRole[] Commission =
        [UnitRole.Chair, UnitRole.DeputyChair, UnitRole.Secretary, UnitRole.Member, UnitRole.Member, UnitRole.Member, UnitRole.Member];

    public static readonly DateOnly MandateFrom = new(2026, 1, 1);

    public async Task<int> SeedAsync(int electionId, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var units = new List<(AdministrationLevel Level, int UnitId, UnitRole[] Roles)>();
        units.AddRange((await db.Kzazs.Where(k => k.ElectionId == electionId).OrderBy(k => k.Number).Select(k => k.Id).ToListAsync(cancellationToken))
            .Select(id => (AdministrationLevel.Kzaz, id, Commission)));
        units.AddRange((await db.VotingCentres.Where(v => v.ElectionId == electionId).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(cancellationToken))
            .Select(id => (AdministrationLevel.Kqv, id, Commission)));
        units.AddRange((await db.CountingGroups.Where(g => g.ElectionId == electionId).OrderBy(g => g.Id).Select(g => g.Id).ToListAsync(cancellationToken))
            .Select(id => (AdministrationLevel.Gnv, id, Enumerable.Repeat(UnitRole.Counter, 4).ToArray())));
        units.AddRange((await db.TechnicalTeams.Where(t => t.ElectionId == electionId).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken))
            .Select(id => (AdministrationLevel.TechnicalStaff, id, Enumerable.Repeat(UnitRole.Operator, 10).ToArray())));

        var outcome = await importer.ApplyRowsAsync(electionId, Rows(units).ToAsyncEnumerable(), ImportMode.Changes, string.Empty, cancellationToken);
        if (outcome.FileError is not null || outcome.Errors.Count > 0)
        {
            throw new InvalidOperationException($"Demo people were refused: {outcome.FileError ?? outcome.Errors[0].Code}");
        }

        logger.LogInformation("Seeded {Count} people in {Elapsed} ms", outcome.New, watch.ElapsedMilliseconds);
        return outcome.New;
    }

    private static IEnumerable<RosterRow> Rows(IEnumerable<(AdministrationLevel Level, int UnitId, UnitRole[] Roles)> units)
    {
        var random = new Random(253);
        var count = 0;
        foreach (var (level, unitId, roles) in units)
        {
            foreach (var role in roles)
            {
                var phone = "+35569" + (FirstNumber + count).ToString(CultureInfo.InvariantCulture);
                count++;
                yield return new RosterRow(count, AlbanianNames.FullName(random), phone, role, level, unitId, MandateFrom, null);
            }
        }
    }
}
