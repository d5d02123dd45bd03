using System.Globalization;

namespace ElectionComms.Web.Data.Seed;

public sealed record ZonePlan(
    int Number, string Municipality, string Seat, IReadOnlyList<VotingCentrePlan> VotingCentres, int CountingGroups);

public sealed record VotingCentrePlan(string Number, string Location);

/// <summary>
/// Builds the electoral administration of one election, deterministically from a seed, so tests, the demo and the
/// benchmarks all see the same shape for the same scale.
/// </summary>
public static class AdministrationGenerator
{
    private static readonly string[] Buildings =
    [
        "Shkolla 9-vjeçare \"{0}\"", "Shkolla e mesme \"{0}\"", "Pallati i Kulturës \"{0}\"", "Kopshti \"{0}\"",
        "Qendra Shëndetësore \"{0}\"", "Zyra e Njësisë Administrative \"{0}\"", "Biblioteka \"{0}\"",
    ];

    public static IReadOnlyList<ZonePlan> Generate(DemoScale scale, int seed = 253)
    {
        var random = new Random(seed);
        var municipalities = ZoneMunicipalities(scale);
        var zones = new List<ZonePlan>(municipalities.Count);
        var centreNumber = 0;
        for (var i = 0; i < municipalities.Count; i++)
        {
            // Zones differ in size as real ones do; the average stays at the scale's figure.
            var centres = scale.VotingCentresPerZone + random.Next(-(scale.VotingCentresPerZone / 5), (scale.VotingCentresPerZone / 5) + 1);
            var plans = new List<VotingCentrePlan>(centres);
            while (plans.Count < centres)
            {
                centreNumber++;
                var baseNumber = centreNumber.ToString("0000", CultureInfo.InvariantCulture);
                plans.Add(new VotingCentrePlan(baseNumber, Location(random)));

                // About one centre in twenty is split into sub-centres, numbered 0119/1, 0119/2.
                if (random.Next(20) == 0 && plans.Count < centres)
                {
                    plans.Add(new VotingCentrePlan(baseNumber + "/1", Location(random)));
                }
            }

            var groups = Math.Max(1, scale.CountingGroupsPerZone + random.Next(-1, 2));
            zones.Add(new ZonePlan(i + 1, municipalities[i], $"Bashkia {municipalities[i]}", plans, groups));
        }

        return zones;
    }

    private static List<string> ZoneMunicipalities(DemoScale scale)
    {
        var all = Geography.Municipalities().Select(m => m.Name).ToList();
        if (scale.Zones >= all.Count)
        {
            var list = new List<string>();
            foreach (var name in all)
            {
                list.Add(name);
                list.AddRange(Enumerable.Repeat(name, Geography.ExtraZones.GetValueOrDefault(name)));
            }

            return list.Take(scale.Zones).ToList();
        }

        // Below national scale: the seat of each qark first, so a small demo still spans the country.
        return Geography.Qarqe.Select(q => q.Name).Take(scale.Zones).ToList();
    }

    private static string Location(Random random)
    {
        var building = Buildings[random.Next(Buildings.Length)];
        var honouree = AlbanianNames.FullName(random);
        return string.Format(CultureInfo.InvariantCulture, building, honouree);
    }
}
