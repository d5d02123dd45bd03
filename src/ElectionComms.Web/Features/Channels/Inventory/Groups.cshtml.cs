using System.Globalization;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Exports;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Channels.Inventory;

/// <summary>
/// The inventory's group list: search, filters, sort and paging in SQL, and the export of the current view
/// (same filters and order, every page) as CSV or XLSX.
/// </summary>
public sealed class GroupsModel(AppDbContext db, ReadModelCache cache, IStringLocalizer<Strings> localizer, TimeProvider clock, ILogger<GroupsModel> logger) : PageModel
{
    public const int PageSize = 50;

    private readonly InventoryQuery inventory = new(db, cache);

    public InventoryFilter Filter { get; private set; } = new();

    public IReadOnlyList<ElectionOption> Elections { get; private set; } = [];

    public IReadOnlyList<InventoryQuery.DirectorateOption> Directorates { get; private set; } = [];

    public IReadOnlyDictionary<int, InventoryQuery.DirectorateOption> DirectoratesById { get; private set; } =
        new Dictionary<int, InventoryQuery.DirectorateOption>();

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<InventoryGroup> Rows { get; private set; } = [];

    public async Task OnGetAsync(InventoryFilter filter, CancellationToken cancellationToken)
    {
        if (await LoadAsync(filter, cancellationToken) is not { } electionId)
        {
            return;
        }

        // The same view is asked for again and again between two changes; the cache forgets it at the next save.
        var key = "inventory:list:" + electionId + ":" + string.Join('&', Filter.RouteValues().OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + v.Value));
        (Total, Filter.PageNumber, Rows) = await cache.GetOrCreateAsync(key, async () =>
        {
            var query = inventory.Filtered(electionId, Filter);
            var total = await query.CountAsync(cancellationToken);
            var page = Math.Clamp(Filter.PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
            var rows = await InventoryQuery.Ordered(query, Filter).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
            return (total, page, (IReadOnlyList<InventoryGroup>)rows);
        });
    }

    /// <summary>Every row of the current view, streamed from the database into the file.</summary>
    public async Task<IActionResult> OnGetExportAsync(InventoryFilter filter, ExportFormat format, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(format) || await LoadAsync(filter, cancellationToken) is not { } electionId)
        {
            return NotFound();
        }

        var rows = InventoryQuery.Ordered(inventory.Filtered(electionId, Filter), Filter).AsAsyncEnumerable();
        var culture = CultureInfo.CurrentCulture;
        var fileName = localizer["Inventory.ExportFileName"].Value + "-" + clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var user = CurrentStaff.From(User);
        var exportedFilter = Filter.RouteValues();
        return new ExportFileResult(format, fileName, async (output, aborted) =>
        {
            var count = await TableExport.WriteAsync(format, output, Headers(), rows.Select(Cells), culture, aborted);
            logger.LogInformation(
                "Inventory export {Format} of election {ElectionId} by {UserId} ({UserName}) with filters {@Filters}: {RowCount} rows",
                format, electionId, user.Id, User.Identity?.Name, exportedFilter, count);
        });
    }

    private async Task<int?> LoadAsync(InventoryFilter filter, CancellationToken cancellationToken)
    {
        Filter = filter;
        Elections = await inventory.ElectionsAsync(cancellationToken);
        Directorates = await inventory.DirectoratesAsync(cancellationToken);
        DirectoratesById = Directorates.ToDictionary(d => d.Id);
        Filter.ElectionId = ElectionOption.Resolve(Filter.ElectionId, Elections);
        return Filter.ElectionId;
    }

    private string[] Headers() =>
    [
        localizer["Inventory.Id"], localizer["Inventory.Name"], localizer["Inventory.Platform"], localizer["Inventory.Kind"],
        localizer["Inventory.Level"], localizer["Inventory.Scope"], localizer["Inventory.ScopeName"],
        localizer["Inventory.PlatformId"], localizer["Inventory.Directorate"], localizer["Inventory.Administrator"],
        localizer["Inventory.AdministratorValid"], localizer["Inventory.Officers"], localizer["Inventory.LogoVersion"],
        localizer["Inventory.LogoOutdated"], localizer["Inventory.ExpectedMembers"], localizer["Inventory.Capacity"],
        localizer["Inventory.OverCapacity"], localizer["Inventory.Status"], localizer["Inventory.TestGroup"],
        localizer["Inventory.Problem.OnPlatform"],
    ];

    private object?[] Cells(InventoryGroup g) =>
    [
        g.Id, g.Name, localizer["Platform." + g.Platform].Value, localizer["GroupKind." + g.Kind].Value,
        localizer["AdministrationLevel." + g.Level].Value, localizer["ScopeKind." + g.ScopeKind].Value, g.ScopeName,
        g.PlatformId, DirectoratesById.TryGetValue(g.DirectorateId, out var d) ? d.Code : null, g.AdministratorName,
        YesNo(g.AdministratorValid), g.OfficerCount, g.LogoVersion, YesNo(g.LogoOutdated), g.ExpectedMembers, g.Capacity,
        YesNo(g.ExceedsCapacity), localizer["GroupStatus." + g.Status].Value, YesNo(g.IsTestGroup),
        YesNo(g.OnPlatform),
    ];

    private string YesNo(bool value) => localizer[value ? "Common.Yes" : "Common.No"];
}
