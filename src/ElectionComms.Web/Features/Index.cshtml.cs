using ElectionComms.Domain.Administration;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public DateTimeOffset Today { get; private set; }

    public ElectionSummary? Election { get; private set; }

    public int ActiveStaff { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = new DateTimeOffset(Localisation.PortalTime.ToLocal(clock.GetUtcNow()), TimeSpan.Zero);
        ActiveStaff = await db.Staff.CountAsync(s => s.IsActive, cancellationToken);
        Election = await db.Elections.AsNoTracking()
            .Where(e => e.State == ElectionState.Active)
            .OrderBy(e => e.ElectionDay)
            .Select(e => new ElectionSummary(
                e.Id,
                e.Name,
                e.ElectionDay,
                db.Kzazs.Count(k => k.ElectionId == e.Id),
                db.VotingCentres.Count(v => v.ElectionId == e.Id),
                db.CountingGroups.Count(g => g.ElectionId == e.Id),
                db.TechnicalTeams.Count(t => t.ElectionId == e.Id)))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public sealed record ElectionSummary(int Id, string Name, DateOnly ElectionDay, int Zones, int VotingCentres, int CountingGroups, int TechnicalTeams);
}
