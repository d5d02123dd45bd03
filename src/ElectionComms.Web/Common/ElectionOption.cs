using ElectionComms.Domain.Administration;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Common;

/// <summary>An election to choose on a page (registry, inventory), newest first; the active one is the default.</summary>
public sealed record ElectionOption(int Id, string Name, ElectionState State)
{
    public static IQueryable<ElectionOption> Query(AppDbContext db) =>
        db.Elections.AsNoTracking().OrderByDescending(e => e.ElectionDay).Select(e => new ElectionOption(e.Id, e.Name, e.State));

    public static Task<List<ElectionOption>> ListAsync(AppDbContext db, CancellationToken cancellationToken) =>
        Query(db).ToListAsync(cancellationToken);

    /// <summary>The election asked for if it exists, else the active one, else the latest; null when there is none.</summary>
    public static int? Resolve(int? requested, IReadOnlyList<ElectionOption> elections) =>
        elections.FirstOrDefault(e => e.Id == requested)?.Id
        ?? elections.FirstOrDefault(e => e.State == ElectionState.Active)?.Id
        ?? elections.FirstOrDefault()?.Id;
}
