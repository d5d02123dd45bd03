using System.Globalization;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Administration;

/// <summary>
/// One zone commission: its voting centres (KQV), its counting centre with the counting groups (GNV) and its
/// technical teams. The print view lists every voting centre on one sheet.
/// </summary>
public sealed class KzazModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Escape character for LIKE patterns, so a typed % or _ is searched for literally.</summary>
    private const string LikeEscape = "\\";

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    /// <summary>Every voting centre on one page, without the search and paging controls.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Print { get; set; }

    public ZoneHeader Zone { get; private set; } = null!;

    public Paged<VotingCentreRow> VotingCentres { get; private set; } = null!;

    public IReadOnlyList<CountingCentreRow> CountingCentres { get; private set; } = [];

    public IReadOnlyList<string> TechnicalTeams { get; private set; } = [];

    public DateTimeOffset PrintedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var zone = await (
                from k in db.Kzazs.AsNoTracking()
                where k.Id == id
                join e in db.Elections on k.ElectionId equals e.Id
                join m in db.Municipalities on k.MunicipalityId equals m.Id
                join q in db.Qarqe on m.QarkId equals q.Id
                select new ZoneHeader(
                    k.Id,
                    k.Number,
                    e.Id,
                    e.Name,
                    m.Name,
                    q.Name,
                    k.Seat,
                    db.VotingCentres.Count(v => v.KzazId == k.Id),
                    db.CountingGroups.Count(g => g.KzazId == k.Id)))
            .FirstOrDefaultAsync(cancellationToken);
        if (zone is null)
        {
            return NotFound();
        }

        Zone = zone;
        PrintedAt = clock.GetUtcNow();
        if (Print)
        {
            Search = null;
        }

        var centres = db.VotingCentres.AsNoTracking().Where(v => v.KzazId == id);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim();
            var contains = TextSearch.Contains(term);
            centres = centres.Where(v =>
                EF.Functions.ILike(v.Number, TextSearch.StartsWith(term), LikeEscape) || EF.Functions.ILike(v.Location, contains, LikeEscape));
        }

        var ordered = centres.OrderBy(v => v.Number).Select(v => new VotingCentreRow(v.Number, v.Location));
        VotingCentres = await Paged<VotingCentreRow>.ReadAsync(
            ordered, Print ? 1 : PageNumber, Print ? Math.Max(1, zone.VotingCentres) : PageSize, cancellationToken);

        CountingCentres = await db.CountingCentres.AsNoTracking()
            .Where(c => c.KzazId == id)
            .OrderBy(c => c.Name)
            .Select(c => new CountingCentreRow(
                c.Name,
                db.CountingGroups.Where(g => g.CountingCentreId == c.Id).OrderBy(g => g.Number).Select(g => g.Number).ToList()))
            .ToListAsync(cancellationToken);
        TechnicalTeams = await db.TechnicalTeams.AsNoTracking()
            .Where(t => t.KzazId == id)
            .OrderBy(t => t.Name)
            .Select(t => t.Name)
            .ToListAsync(cancellationToken);
        return Page();
    }

    public Dictionary<string, string?> RouteValues() => new()
    {
        ["id"] = Zone.Id.ToString(CultureInfo.InvariantCulture),
        ["search"] = Search,
    };


    public sealed record ZoneHeader(
        int Id, int Number, int ElectionId, string ElectionName, string Municipality, string Qark, string Seat, int VotingCentres, int CountingGroups);

    public sealed record VotingCentreRow(string Number, string Location);

    public sealed record CountingCentreRow(string Name, IReadOnlyList<int> Groups);
}
