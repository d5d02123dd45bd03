using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Views;
using ElectionComms.Web.Localisation;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Channels.Inventory;

/// <summary>
/// The inventory's queries, shared by the dashboard, the group list and the exports so that a count on the
/// dashboard, the rows behind its link and the exported file always agree. Everything filters in SQL.
/// </summary>
public sealed class InventoryQuery(AppDbContext db, ReadModelCache cache)
{
    public sealed record DirectorateOption(int Id, string Code, string Name);

    public Task<List<ElectionOption>> ElectionsAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync("inventory:elections", () => ElectionOption.ListAsync(db, cancellationToken));

    public Task<List<DirectorateOption>> DirectoratesAsync(CancellationToken cancellationToken)
    {
        var english = Cultures.IsEnglish;
        return cache.GetOrCreateAsync("inventory:directorates:" + english, () => db.Directorates.AsNoTracking()
            .OrderBy(d => d.Code)
            .Select(d => new DirectorateOption(d.Id, d.Code, english ? d.NameEn : d.NameSq))
            .ToListAsync(cancellationToken));
    }

    /// <summary>Every group of the election as an inventory row.</summary>
    public IQueryable<InventoryGroup> Groups(int electionId) =>
        db.Set<GroupInventoryRow>().AsNoTracking().Where(g => g.ElectionId == electionId).Select(InventoryGroup.Projection);

    /// <summary>The groups the filter selects (search and filters, not sort or page).</summary>
    public IQueryable<InventoryGroup> Filtered(int electionId, InventoryFilter filter)
    {
        var query = Groups(electionId);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = TextSearch.Contains(filter.Q);
            query = query.Where(g => EF.Functions.ILike(g.Name, pattern) || EF.Functions.ILike(g.PlatformId, pattern));
        }

        if (filter.Platform is { } platform)
        {
            query = query.Where(g => g.Platform == platform);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(g => g.Level == level);
        }

        if (filter.DirectorateId is { } directorateId)
        {
            query = query.Where(g => g.DirectorateId == directorateId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(g => g.Status == status);
        }

        return filter.Problem switch
        {
            InventoryProblem.WithoutAdministrator => query.Where(g => g.WithoutValidAdministrator),
            InventoryProblem.WithoutOfficer => query.Where(g => g.WithoutOfficer),
            InventoryProblem.OutdatedLogo => query.Where(g => g.OutdatedLogo),
            InventoryProblem.OverCapacity => query.Where(g => g.OverCapacity),
            InventoryProblem.OnPlatform => query.Where(g => g.OnPlatform),
            InventoryProblem.Inactive => query.Where(g => g.Inactive),
            _ => query,
        };
    }

    public static IQueryable<InventoryGroup> Ordered(IQueryable<InventoryGroup> query, InventoryFilter filter)
    {
        var ordered = (filter.SortKey, filter.Desc) switch
        {
            (InventoryFilter.SortByLevel, false) => query.OrderBy(g => g.LevelOrder),
            (InventoryFilter.SortByLevel, true) => query.OrderByDescending(g => g.LevelOrder),
            (InventoryFilter.SortByExpected, false) => query.OrderBy(g => g.ExpectedMembers),
            (InventoryFilter.SortByExpected, true) => query.OrderByDescending(g => g.ExpectedMembers),
            (_, true) => query.OrderByDescending(g => g.Name),
            _ => query.OrderBy(g => g.Name),
        };

        // The id as last key keeps paging stable when names or numbers repeat.
        return ordered.ThenBy(g => g.Name).ThenBy(g => g.Id);
    }

    /// <summary>
    /// Group counts per directorate, platform and level, each with the size of every problem list, in one pass over
    /// the election's groups: the dashboard's matrix and its problem cards come from the same rows.
    /// </summary>
    public Task<List<SummaryCell>> SummaryAsync(int electionId, int? directorateId, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync($"inventory:summary:{electionId}:{directorateId}", () => Filtered(electionId, new InventoryFilter { DirectorateId = directorateId })
            .GroupBy(g => new { g.DirectorateId, g.Platform, g.Level })
            .Select(x => new SummaryCell(
                x.Key.DirectorateId,
                x.Key.Platform,
                x.Key.Level,
                x.Count(),
                new ProblemCounts(
                    x.Count(g => g.WithoutValidAdministrator),
                    x.Count(g => g.WithoutOfficer),
                    x.Count(g => g.OutdatedLogo),
                    x.Count(g => g.OverCapacity),
                    x.Count(g => g.OnPlatform),
                    x.Count(g => g.Inactive))))
            .ToListAsync(cancellationToken));

    /// <summary>Official accounts per platform and status (accounts outlive elections, so they are not filtered by one).</summary>
    public Task<List<AccountCell>> AccountCountsAsync(int? directorateId, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync($"inventory:accounts:{directorateId}", () => db.OfficialAccounts.AsNoTracking()
            .Where(a => directorateId == null || a.DirectorateId == directorateId)
            .GroupBy(a => new { a.Platform, a.Status })
            .Select(x => new AccountCell(x.Key.Platform, x.Key.Status, x.Count()))
            .ToListAsync(cancellationToken));


    public sealed record SummaryCell(int DirectorateId, Platform Platform, AdministrationLevel Level, int Count, ProblemCounts Problems);

    public sealed record AccountCell(Platform Platform, AccountStatus Status, int Count);

    public sealed record ProblemCounts(int WithoutAdministrator, int WithoutOfficer, int OutdatedLogo, int OverCapacity, int OnPlatform, int Inactive)
    {
        public static readonly ProblemCounts None = new(0, 0, 0, 0, 0, 0);

        public static ProblemCounts Sum(IEnumerable<ProblemCounts> counts) => counts.Aggregate(None, (a, b) => new(
            a.WithoutAdministrator + b.WithoutAdministrator, a.WithoutOfficer + b.WithoutOfficer, a.OutdatedLogo + b.OutdatedLogo,
            a.OverCapacity + b.OverCapacity, a.OnPlatform + b.OnPlatform, a.Inactive + b.Inactive));

        public int For(InventoryProblem problem) => problem switch
        {
            InventoryProblem.WithoutAdministrator => WithoutAdministrator,
            InventoryProblem.WithoutOfficer => WithoutOfficer,
            InventoryProblem.OutdatedLogo => OutdatedLogo,
            InventoryProblem.OverCapacity => OverCapacity,
            InventoryProblem.OnPlatform => OnPlatform,
            _ => Inactive,
        };
    }
}
