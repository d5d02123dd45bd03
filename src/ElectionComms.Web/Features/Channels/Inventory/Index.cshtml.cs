using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionComms.Web.Features.Channels.Inventory;

/// <summary>
/// The Secretary General's inventory (issue 3, item 6): group totals by directorate, platform and level, official
/// accounts by platform and status, and the size of each problem list with a link to it. All counted in SQL.
/// </summary>
public sealed class IndexModel(AppDbContext db, ReadModelCache cache) : PageModel
{
    private readonly InventoryQuery inventory = new(db, cache);

    public static readonly IReadOnlyList<AdministrationLevel> Levels = Enum.GetValues<AdministrationLevel>();

    public static readonly IReadOnlyList<InventoryProblem> ProblemLists = Enum.GetValues<InventoryProblem>();

    [BindProperty(SupportsGet = true)]
    public int? ElectionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? DirectorateId { get; set; }

    public IReadOnlyList<ElectionOption> Elections { get; private set; } = [];

    public IReadOnlyList<InventoryQuery.DirectorateOption> Directorates { get; private set; } = [];

    public IReadOnlyList<TotalsRow> Totals { get; private set; } = [];

    public IReadOnlyDictionary<AdministrationLevel, int> TotalsByLevel { get; private set; } = new Dictionary<AdministrationLevel, int>();

    public int GroupCount { get; private set; }

    public IReadOnlyList<AccountStatus> AccountStatuses { get; private set; } = [];

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public InventoryQuery.ProblemCounts Problems { get; private set; } = InventoryQuery.ProblemCounts.None;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Elections = await inventory.ElectionsAsync(cancellationToken);
        Directorates = await inventory.DirectoratesAsync(cancellationToken);
        if (DirectorateId is { } chosen && Directorates.All(d => d.Id != chosen))
        {
            DirectorateId = null;
        }

        var accounts = await inventory.AccountCountsAsync(DirectorateId, cancellationToken);
        AccountStatuses = Enum.GetValues<AccountStatus>();
        Accounts = accounts
            .GroupBy(a => a.Platform)
            .OrderBy(p => p.Key)
            .Select(p => new AccountRow(p.Key, p.ToDictionary(a => a.Status, a => a.Count), p.Sum(a => a.Count)))
            .ToList();

        ElectionId = ElectionOption.Resolve(ElectionId, Elections);
        if (ElectionId is not { } electionId)
        {
            return;
        }

        var cells = await inventory.SummaryAsync(electionId, DirectorateId, cancellationToken);
        var names = Directorates.ToDictionary(d => d.Id);
        Totals = cells
            .GroupBy(c => (c.DirectorateId, c.Platform))
            .Select(r => new TotalsRow(names[r.Key.DirectorateId], r.Key.Platform, r.ToDictionary(c => c.Level, c => c.Count), r.Sum(c => c.Count)))
            .OrderBy(r => r.Directorate.Code).ThenBy(r => r.Platform)
            .ToList();
        TotalsByLevel = cells.GroupBy(c => c.Level).ToDictionary(l => l.Key, l => l.Sum(c => c.Count));
        GroupCount = cells.Sum(c => c.Count);
        Problems = InventoryQuery.ProblemCounts.Sum(cells.Select(c => c.Problems));
    }

    public sealed record TotalsRow(InventoryQuery.DirectorateOption Directorate, Platform Platform, IReadOnlyDictionary<AdministrationLevel, int> ByLevel, int Total);

    public sealed record AccountRow(Platform Platform, IReadOnlyDictionary<AccountStatus, int> ByStatus, int Total);
}
