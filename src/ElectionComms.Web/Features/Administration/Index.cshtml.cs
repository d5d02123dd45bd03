using System.Globalization;
using ElectionComms.Domain.Administration;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Administration;

/// <summary>
/// The elections and, for the chosen one (the active one by default), its zone commissions with how many KQV,
/// GNV and technical teams each has: the structure that groups are dedicated to (§6).
/// </summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<Strings> localizer) : PageModel
{
    public const int PageSize = 25;

    private const string Descending = "-";
    private static readonly string[] SortColumns = ["number", "municipality", "qark", "kqv", "gnv", "teams"];

    [BindProperty(SupportsGet = true)]
    public int? ElectionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? QarkId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MunicipalityId { get; set; }

    /// <summary>A KZAZ number typed into the search box; text so that a typo gets a clear message.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    /// <summary>A column of <see cref="SortColumns"/>, prefixed with "-" for descending order.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ElectionRow> Elections { get; private set; } = [];

    public ElectionRow? Selected { get; private set; }

    public IReadOnlyList<Option> Qarqe { get; private set; } = [];

    public IReadOnlyList<Option> Municipalities { get; private set; } = [];

    public Paged<KzazRow>? Zones { get; private set; }

    public string SortColumn { get; private set; } = SortColumns[0];

    public bool SortDescending { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Elections = await db.Elections.AsNoTracking()
            .OrderByDescending(e => e.ElectionDay)
            .ThenBy(e => e.Name)
            .Select(e => new ElectionRow(e.Id, e.Name, e.Kind, e.ElectionDay, e.State, e.VerificationCompletedAt))
            .ToListAsync(cancellationToken);

        Selected = ElectionId is { } chosen
            ? Elections.FirstOrDefault(e => e.Id == chosen)
            : Elections.Where(e => e.State == ElectionState.Active).MinBy(e => e.ElectionDay) ?? Elections.FirstOrDefault();
        if (Selected is null)
        {
            return ElectionId is null ? Page() : NotFound();
        }

        (SortColumn, SortDescending) = ParseSort(Sort);
        Qarqe = await db.Qarqe.AsNoTracking()
            .OrderBy(q => q.Name)
            .Select(q => new Option(q.Id, q.Name))
            .ToListAsync(cancellationToken);
        Municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => db.Kzazs.Any(k => k.ElectionId == Selected.Id && k.MunicipalityId == m.Id))
            .Where(m => QarkId == null || m.QarkId == QarkId)
            .OrderBy(m => m.Name)
            .Select(m => new Option(m.Id, m.Name))
            .ToListAsync(cancellationToken);
        Zones = await Paged<KzazRow>.ReadAsync(Ordered(Filtered(Selected.Id)), PageNumber, PageSize, cancellationToken);
        return Page();
    }

    /// <summary>The current filters and sort, for links that change only one of them.</summary>
    public Dictionary<string, string?> RouteValues(string? sort = null) => new()
    {
        ["electionId"] = Selected?.Id.ToString(CultureInfo.InvariantCulture),
        ["qarkId"] = QarkId?.ToString(CultureInfo.InvariantCulture),
        ["municipalityId"] = MunicipalityId?.ToString(CultureInfo.InvariantCulture),
        ["number"] = Number,
        ["sort"] = sort ?? Sort,
    };

    /// <summary>The sort value of a column header's link: ascending first, then the other way round.</summary>
    public string SortLink(string column) =>
        column == SortColumn && !SortDescending ? Descending + column : column;

    /// <summary>aria-sort for a column header, or null for columns the list is not sorted by.</summary>
    public string? AriaSort(string column) =>
        column != SortColumn ? null : SortDescending ? "descending" : "ascending";

    private IQueryable<KzazRow> Filtered(int electionId)
    {
        var zones = db.Kzazs.AsNoTracking().Where(k => k.ElectionId == electionId);
        if (!string.IsNullOrWhiteSpace(Number))
        {
            if (int.TryParse(Number.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && number is >= Kzaz.MinNumber and <= Kzaz.MaxNumber)
            {
                zones = zones.Where(k => k.Number == number);
            }
            else
            {
                ModelState.AddModelError(nameof(Number), localizer["Administration.NumberInvalid", Kzaz.MinNumber, Kzaz.MaxNumber]);
            }
        }

        if (MunicipalityId is { } municipalityId)
        {
            zones = zones.Where(k => k.MunicipalityId == municipalityId);
        }

        var rows =
            from k in zones
            join m in db.Municipalities on k.MunicipalityId equals m.Id
            join q in db.Qarqe on m.QarkId equals q.Id
            select new { Zone = k, Municipality = m.Name, QarkId = q.Id, Qark = q.Name };
        if (QarkId is { } qarkId)
        {
            rows = rows.Where(r => r.QarkId == qarkId);
        }

        return rows.Select(r => new KzazRow
        {
            Id = r.Zone.Id,
            Number = r.Zone.Number,
            Municipality = r.Municipality,
            Qark = r.Qark,
            Seat = r.Zone.Seat,
            VotingCentres = db.VotingCentres.Count(v => v.KzazId == r.Zone.Id),
            CountingGroups = db.CountingGroups.Count(g => g.KzazId == r.Zone.Id),
            TechnicalTeams = db.TechnicalTeams.Count(t => t.KzazId == r.Zone.Id),
        });
    }

    private IQueryable<KzazRow> Ordered(IQueryable<KzazRow> rows) => (SortColumn, SortDescending) switch
    {
        ("municipality", false) => rows.OrderBy(r => r.Municipality).ThenBy(r => r.Number),
        ("municipality", true) => rows.OrderByDescending(r => r.Municipality).ThenBy(r => r.Number),
        ("qark", false) => rows.OrderBy(r => r.Qark).ThenBy(r => r.Number),
        ("qark", true) => rows.OrderByDescending(r => r.Qark).ThenBy(r => r.Number),
        ("kqv", false) => rows.OrderBy(r => r.VotingCentres).ThenBy(r => r.Number),
        ("kqv", true) => rows.OrderByDescending(r => r.VotingCentres).ThenBy(r => r.Number),
        ("gnv", false) => rows.OrderBy(r => r.CountingGroups).ThenBy(r => r.Number),
        ("gnv", true) => rows.OrderByDescending(r => r.CountingGroups).ThenBy(r => r.Number),
        ("teams", false) => rows.OrderBy(r => r.TechnicalTeams).ThenBy(r => r.Number),
        ("teams", true) => rows.OrderByDescending(r => r.TechnicalTeams).ThenBy(r => r.Number),
        (_, true) => rows.OrderByDescending(r => r.Number),
        _ => rows.OrderBy(r => r.Number),
    };

    private static (string Column, bool Descending) ParseSort(string? sort)
    {
        var descending = sort?.StartsWith(Descending, StringComparison.Ordinal) == true;
        var column = descending ? sort![Descending.Length..] : sort;
        return SortColumns.Contains(column) ? (column!, descending) : (SortColumns[0], false);
    }

    public sealed record ElectionRow(
        int Id, string Name, ElectionKind Kind, DateOnly ElectionDay, ElectionState State, DateTimeOffset? VerificationCompletedAt);

    public sealed record Option(int Id, string Name);

    /// <summary>Built with an initializer, not a constructor, so the database can sort by its counts.</summary>
    public sealed class KzazRow
    {
        public int Id { get; init; }

        public int Number { get; init; }

        public required string Municipality { get; init; }

        public required string Qark { get; init; }

        public required string Seat { get; init; }

        public int VotingCentres { get; init; }

        public int CountingGroups { get; init; }

        public int TechnicalTeams { get; init; }
    }
}
