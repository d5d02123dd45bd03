using System.Globalization;
using ElectionComms.Domain.Administration;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Registry;

/// <summary>
/// The units of one election, read once per import into dictionaries (a few thousand entries at national scale,
/// however long the file), and the spelling of a unit in a roster: KZAZ "27", KQV "0119" or "0119/1", GNV "27/3"
/// (counting group 3 of KZAZ 27), technical staff "27" (the KZAZ's team).
/// </summary>
public sealed class UnitDirectory
{
    private readonly Dictionary<int, int> kzazs;
    private readonly Dictionary<string, int> votingCentres;
    private readonly Dictionary<(int Zone, int Group), int> countingGroups;
    private readonly Dictionary<int, int> technicalTeams;

    private UnitDirectory(
        Dictionary<int, int> kzazs, Dictionary<string, int> votingCentres, Dictionary<(int, int), int> countingGroups,
        Dictionary<int, int> technicalTeams)
    {
        this.kzazs = kzazs;
        this.votingCentres = votingCentres;
        this.countingGroups = countingGroups;
        this.technicalTeams = technicalTeams;
    }

    public static async Task<UnitDirectory> LoadAsync(AppDbContext db, int electionId, CancellationToken cancellationToken)
    {
        var kzazs = await db.Kzazs.Where(k => k.ElectionId == electionId).ToDictionaryAsync(k => k.Number, k => k.Id, cancellationToken);
        var centres = await db.VotingCentres.Where(v => v.ElectionId == electionId)
            .ToDictionaryAsync(v => v.Number, v => v.Id, StringComparer.Ordinal, cancellationToken);
        var groups = await db.CountingGroups.Where(g => g.ElectionId == electionId)
            .Join(db.Kzazs, g => g.KzazId, k => k.Id, (g, k) => new { Zone = k.Number, g.Number, g.Id })
            .ToListAsync(cancellationToken);
        var teams = await db.TechnicalTeams.Where(t => t.ElectionId == electionId && t.KzazId != null)
            .Join(db.Kzazs, t => t.KzazId, k => k.Id, (t, k) => new { k.Number, t.Id })
            .ToListAsync(cancellationToken);
        return new UnitDirectory(
            kzazs,
            centres,
            groups.GroupBy(g => (g.Zone, g.Number)).ToDictionary(g => g.Key, g => g.First().Id),
            teams.GroupBy(t => t.Number).ToDictionary(t => t.Key, t => t.First().Id));
    }

    /// <summary>The unit's id, or null when no such unit exists in this election.</summary>
    public int? Find(AdministrationLevel level, string text)
    {
        var value = text.Trim();
        switch (level)
        {
            case AdministrationLevel.Kzaz:
                return Number(value) is { } zone && kzazs.TryGetValue(zone, out var kzaz) ? kzaz : null;
            case AdministrationLevel.TechnicalStaff:
                return Number(value) is { } teamZone && technicalTeams.TryGetValue(teamZone, out var team) ? team : null;
            case AdministrationLevel.Kqv:
                // Excel drops leading zeros of a number typed as 119: read it back as 0119.
                if (value.Length < 4 && value.All(char.IsAsciiDigit))
                {
                    value = value.PadLeft(4, '0');
                }

                return VotingCentreNumber.TryParse(value, out var number) && votingCentres.TryGetValue(number.Value, out var centre) ? centre : null;
            case AdministrationLevel.Gnv:
                var parts = value.Split('/');
                return parts.Length == 2 && Number(parts[0]) is { } z && Number(parts[1]) is { } g && countingGroups.TryGetValue((z, g), out var group)
                    ? group
                    : null;
            default:
                return null;
        }
    }

    private static int? Number(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
