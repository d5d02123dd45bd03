using System.Globalization;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Admin.Audit;

/// <summary>The audit trail (§12), newest first, filtered and paged in SQL. Read-only: rows cannot be changed.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Part of the actor's sign-in name (e-mail).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>Entity type, exactly (e.g. StaffMember).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    /// <summary>Start of the action (e.g. "StaffMember." or "AppUser.Updated"); not named "action", which routing reserves.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ActionPrefix { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Filter(db.AuditEntries.AsNoTracking());
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query
            .OrderByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new AuditRow
            {
                Id = a.Id,
                OccurredAt = a.OccurredAt,
                ActorId = a.ActorId,
                ActorName = a.ActorName,
                Action = a.Action,
                Entity = a.Entity,
                EntityId = a.EntityId,
                Details = a.Details,
            })
            .ToListAsync(cancellationToken);
    }

    public Dictionary<string, string> RouteWith(int page)
    {
        var values = new Dictionary<string, string> { ["pageNumber"] = page.ToString(CultureInfo.InvariantCulture) };
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }

        Add("actor", Actor);
        Add("entity", Entity);
        Add("actionPrefix", ActionPrefix);
        Add("entityId", EntityId);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return values;
    }

    private IQueryable<Data.Audit.AuditEntry> Filter(IQueryable<Data.Audit.AuditEntry> query)
    {
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var pattern = Data.TextSearch.Contains(Actor);
            query = query.Where(a => EF.Functions.ILike(a.ActorName, pattern));
        }

        if (!string.IsNullOrWhiteSpace(Entity))
        {
            var entity = Entity.Trim();
            query = query.Where(a => a.Entity == entity);
        }

        if (!string.IsNullOrWhiteSpace(ActionPrefix))
        {
            var pattern = Data.TextSearch.StartsWith(ActionPrefix);
            query = query.Where(a => EF.Functions.Like(a.Action, pattern));
        }

        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            var entityId = EntityId.Trim();
            query = query.Where(a => a.EntityId == entityId);
        }

        // Days are Tirana days: "to" includes the whole of that day.
        if (From is { } from)
        {
            var start = PortalTime.StartOfDay(from);
            query = query.Where(a => a.OccurredAt >= start);
        }

        if (To is { } to)
        {
            var end = PortalTime.StartOfDay(to.AddDays(1));
            query = query.Where(a => a.OccurredAt < end);
        }

        return query;
    }

    public sealed class AuditRow
    {
        public long Id { get; init; }

        public DateTimeOffset OccurredAt { get; init; }

        public Guid? ActorId { get; init; }

        public string ActorName { get; init; } = string.Empty;

        public string Action { get; init; } = string.Empty;

        public string Entity { get; init; } = string.Empty;

        public string EntityId { get; init; } = string.Empty;

        public string Details { get; init; } = "{}";
    }
}
