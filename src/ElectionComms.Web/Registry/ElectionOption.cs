using ElectionComms.Domain.Administration;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Registry;

/// <summary>An election to choose in the registry pages; the active one is the default.</summary>
public sealed record ElectionOption(int Id, string Name, ElectionState State)
{
    public static Task<List<ElectionOption>> ListAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Elections.OrderByDescending(e => e.ElectionDay).Select(e => new ElectionOption(e.Id, e.Name, e.State)).ToListAsync(cancellationToken);

    public static int? Default(IReadOnlyList<ElectionOption> elections) =>
        (elections.FirstOrDefault(e => e.State == ElectionState.Active) ?? elections.FirstOrDefault())?.Id;
}
