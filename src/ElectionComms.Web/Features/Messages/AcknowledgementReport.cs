using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Publishing;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Messages;

/// <summary>
/// Who confirmed a message (issue 14 item 6), by group and by unit: for each group the message reached, the people
/// the registry expects in it today, by their unit (a KZAZ, a KQV, a counting group, a technical team), and how many
/// of them pressed "Konfirmo / Confirm". A unit where nobody confirmed is the one to call.
/// </summary>
public sealed class AcknowledgementReport(AppDbContext db, EligibilityQuery eligibility, TimeProvider clock)
{
    public sealed record UnitRow(string Unit, int Expected, int Confirmed)
    {
        public bool NoneConfirmed => Confirmed == 0 && Expected > 0;
    }

    public sealed record GroupRow(int GroupId, string Group, int Expected, int Confirmed, IReadOnlyList<UnitRow> Units);

    /// <summary>Groups per page: each group's expected people are read from the registry, so a national message is paged.</summary>
    public const int PageSize = 50;

    private sealed record Target(int Id, string Name, int ElectionId);

    // The election's unit names, read once per report (about 6,500 rows nationally), not once per page.
    private Dictionary<(AdministrationLevel, int), string>? names;

    /// <summary>One page of the groups the message reached, by name, with their units.</summary>
    public async Task<Paged<GroupRow>> PageAsync(Guid messageId, int pageNumber, CancellationToken cancellationToken)
    {
        var page = await Paged<Target>.ReadAsync(Reached(messageId), pageNumber, PageSize, cancellationToken);
        var rows = await RowsAsync(messageId, page.Items, cancellationToken);
        return Paged<GroupRow>.Of(rows, page.PageNumber, PageSize, page.Total);
    }

    /// <summary>Every group, a page at a time (the export), so memory holds one page of people.</summary>
    public async IAsyncEnumerable<GroupRow> AllAsync(Guid messageId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            var page = await Paged<Target>.ReadAsync(Reached(messageId), number, PageSize, cancellationToken);
            foreach (var row in await RowsAsync(messageId, page.Items, cancellationToken))
            {
                yield return row;
            }

            if (number >= page.PageCount)
            {
                yield break;
            }
        }
    }

    private IQueryable<Target> Reached(Guid messageId) =>
        db.Groups.Where(g => db.Deliveries.Any(d => d.MessageId == messageId && d.GroupId == g.Id && d.Status == DeliveryStatus.Sent))
            .OrderBy(g => g.Name).ThenBy(g => g.Id).Select(g => new Target(g.Id, g.Name, g.ElectionId));

    private async Task<List<GroupRow>> RowsAsync(Guid messageId, IReadOnlyList<Target> groups, CancellationToken cancellationToken)
    {
        var rows = new List<GroupRow>();
        if (groups.Count == 0)
        {
            return rows;
        }

        var today = PortalTime.Today(clock);
        var confirmedSet = (await db.Acknowledgements.Where(a => a.MessageId == messageId).Select(a => a.PersonId).ToListAsync(cancellationToken)).ToHashSet();
        names ??= await UnitNamesAsync(groups[0].ElectionId, cancellationToken);
        var order = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(Cultures.Albanian), System.Globalization.CompareOptions.NumericOrdering);
        foreach (var group in groups)
        {
            var target = (await eligibility.TargetAsync(group.Id, cancellationToken))!;
            var people = await eligibility.Eligible(target, today).Select(p => new { p.Id, p.Level, p.UnitId }).ToListAsync(cancellationToken);
            var units = people.GroupBy(p => (p.Level, p.UnitId))
                .Select(u => new UnitRow(names.GetValueOrDefault(u.Key, u.Key.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)), u.Count(), u.Count(p => confirmedSet.Contains(p.Id))))
                .OrderBy(u => u.Confirmed > 0).ThenBy(u => u.Unit, order)
                .ToList();
            rows.Add(new GroupRow(group.Id, group.Name, people.Count, people.Count(p => confirmedSet.Contains(p.Id)), units));
        }

        return rows;
    }

    private async Task<Dictionary<(AdministrationLevel, int), string>> UnitNamesAsync(int electionId, CancellationToken cancellationToken)
    {
        var names = new Dictionary<(AdministrationLevel, int), string>();
        var zones = await db.Kzazs.Where(k => k.ElectionId == electionId).ToDictionaryAsync(k => k.Id, k => k.Number, cancellationToken);
        foreach (var (id, number) in zones)
        {
            names[(AdministrationLevel.Kzaz, id)] = $"KZAZ {number}";
        }

        string Zone(int? kzazId) => kzazId is { } k && zones.TryGetValue(k, out var n) ? $" – KZAZ {n}" : string.Empty;
        foreach (var v in await db.VotingCentres.Where(v => v.ElectionId == electionId).Select(v => new { v.Id, v.Number, v.KzazId }).ToListAsync(cancellationToken))
        {
            names[(AdministrationLevel.Kqv, v.Id)] = $"KQV {v.Number}{Zone(v.KzazId)}";
        }

        foreach (var g in await db.CountingGroups.Where(g => g.ElectionId == electionId).Select(g => new { g.Id, g.Number, g.KzazId }).ToListAsync(cancellationToken))
        {
            names[(AdministrationLevel.Gnv, g.Id)] = $"GNV {g.Number}{Zone(g.KzazId)}";
        }

        foreach (var t in await db.TechnicalTeams.Where(t => t.ElectionId == electionId).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
        {
            names[(AdministrationLevel.TechnicalStaff, t.Id)] = t.Name;
        }

        return names;
    }
}
