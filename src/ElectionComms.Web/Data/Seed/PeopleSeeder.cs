using System.Diagnostics;
using System.Globalization;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Data.Seed;

/// <summary>
/// Demo people for the registry: seven per KZAZ and per voting-centre commission (chair, deputy, secretary, four
/// members), four counters per GNV and ten operators per technical team, with Albanian names and unique numbers
/// +355 69 5xx xxxx. Deterministic for the same administration. Saved through the audited context in batches.
/// Skipped at national scale: 42,413 people took 55 s there (one audit row each), beyond the 30 s a demo start may take.
/// </summary>
public sealed class PeopleSeeder(AppDbContext db, ILogger<PeopleSeeder> logger)
{
    private const int BatchSize = 2_000;
    private const int FirstNumber = 5_000_000;
    private static readonly UnitRole[] Commission =
        [UnitRole.Chair, UnitRole.DeputyChair, UnitRole.Secretary, UnitRole.Member, UnitRole.Member, UnitRole.Member, UnitRole.Member];

    public static readonly DateOnly MandateFrom = new(2026, 1, 1);

    public async Task<int> SeedAsync(int electionId, DemoScale scale, CancellationToken cancellationToken = default)
    {
        if (scale == DemoScale.National)
        {
            logger.LogInformation("No demo people at national scale; import a roster instead");
            return 0;
        }

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

        var random = new Random(253);
        var count = 0;
        foreach (var (level, unitId, roles) in units)
        {
            foreach (var role in roles)
            {
                var phone = "+35569" + (FirstNumber + count).ToString(CultureInfo.InvariantCulture);
                db.People.Add(Person.Register(electionId, AlbanianNames.FullName(random), phone, role, level, unitId, MandateFrom, null));
                count++;
                if (count % BatchSize == 0)
                {
                    await SaveAsync(cancellationToken);
                }
            }
        }

        await SaveAsync(cancellationToken);
        logger.LogInformation("Seeded {Count} people in {Elapsed} ms", count, watch.ElapsedMilliseconds);
        return count;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
