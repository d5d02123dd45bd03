using System.Globalization;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Admin.Staff;

/// <summary>KQZ staff and their accounts, searched, filtered, sorted and paged in SQL.</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<Strings> localizer) : PageModel
{
    public const int PageSize = 25;

    public static readonly IReadOnlyList<string> SortKeys = ["name", "email", "role", "rank", "directorate", "superior", "status"];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? DirectorateId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    /// <summary>"active", "inactive", or empty for everyone.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<StaffRow> Rows { get; private set; } = [];

    public StaffFormOptions Options { get; private set; } = StaffFormOptions.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await StaffFormOptions.LoadAsync(db, localizer, cancellationToken: cancellationToken);
        Sort = SortKeys.Contains(Sort) ? Sort : "name";

        var query = Filter(Project());
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await Order(query)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The current filters with another page or sort, for links.</summary>
    public Dictionary<string, string> RouteWith(int? page = null, string? sort = null, bool? desc = null)
    {
        var values = new Dictionary<string, string>
        {
            ["pageNumber"] = (page ?? PageNumber).ToString(CultureInfo.InvariantCulture),
            ["sort"] = sort ?? Sort ?? "name",
            ["desc"] = (desc ?? Desc) ? "true" : "false",
        };
        AddIfSet(values, "q", Q);
        AddIfSet(values, "directorateId", DirectorateId?.ToString(CultureInfo.InvariantCulture));
        AddIfSet(values, "role", Role);
        AddIfSet(values, "status", Status);
        return values;
    }

    private static void AddIfSet(Dictionary<string, string> values, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[key] = value;
        }
    }

    private IQueryable<StaffRow> Project()
    {
        var english = Cultures.IsEnglish;
        return from s in db.Staff.AsNoTracking()
               join d in db.Directorates on s.DirectorateId equals d.Id
               join u in db.Users on s.Id equals u.Id
               select new StaffRow
               {
                   Id = s.Id,
                   FullName = s.FullName,
                   Email = s.Email,
                   Position = s.Position,
                   Rank = s.Rank,
                   // Ranks are stored by name; sorting needs their order.
                   RankOrder = s.Rank == Rank.SecretaryGeneral ? 4 : s.Rank == Rank.Director ? 3 : s.Rank == Rank.HeadOfSector ? 2 : 1,
                   DirectorateId = s.DirectorateId,
                   DirectorateCode = d.Code,
                   DirectorateName = english ? d.NameEn : d.NameSq,
                   Superior = db.Staff.Where(x => x.Id == s.SuperiorId).Select(x => x.FullName).FirstOrDefault(),
                   Role = db.UserRoles.Where(ur => ur.UserId == s.Id)
                       .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
                       .FirstOrDefault(),
                   IsActive = s.IsActive,
                   TwoFactorEnabled = u.TwoFactorEnabled,
               };
    }

    private IQueryable<StaffRow> Filter(IQueryable<StaffRow> query)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = Data.TextSearch.Contains(Q);
            query = query.Where(r => EF.Functions.ILike(r.FullName, pattern) || EF.Functions.ILike(r.Email, pattern));
        }

        if (DirectorateId is { } directorateId)
        {
            query = query.Where(r => r.DirectorateId == directorateId);
        }

        if (!string.IsNullOrWhiteSpace(Role))
        {
            query = query.Where(r => r.Role == Role);
        }

        return Status switch
        {
            "active" => query.Where(r => r.IsActive),
            "inactive" => query.Where(r => !r.IsActive),
            _ => query,
        };
    }

    private IQueryable<StaffRow> Order(IQueryable<StaffRow> query)
    {
        var ordered = (Sort, Desc) switch
        {
            ("email", false) => query.OrderBy(r => r.Email),
            ("email", true) => query.OrderByDescending(r => r.Email),
            ("role", false) => query.OrderBy(r => r.Role),
            ("role", true) => query.OrderByDescending(r => r.Role),
            ("rank", false) => query.OrderBy(r => r.RankOrder),
            ("rank", true) => query.OrderByDescending(r => r.RankOrder),
            ("directorate", false) => query.OrderBy(r => r.DirectorateCode),
            ("directorate", true) => query.OrderByDescending(r => r.DirectorateCode),
            ("superior", false) => query.OrderBy(r => r.Superior),
            ("superior", true) => query.OrderByDescending(r => r.Superior),
            ("status", false) => query.OrderByDescending(r => r.IsActive),
            ("status", true) => query.OrderBy(r => r.IsActive),
            (_, true) => query.OrderByDescending(r => r.FullName),
            _ => query.OrderBy(r => r.FullName),
        };

        // A unique last key keeps paging stable when names or ranks repeat.
        return ordered.ThenBy(r => r.FullName).ThenBy(r => r.Id);
    }

    public sealed class StaffRow
    {
        public Guid Id { get; init; }

        public string FullName { get; init; } = string.Empty;

        public string Email { get; init; } = string.Empty;

        public string Position { get; init; } = string.Empty;

        public Rank Rank { get; init; }

        public int RankOrder { get; init; }

        public int DirectorateId { get; init; }

        public string DirectorateCode { get; init; } = string.Empty;

        public string DirectorateName { get; init; } = string.Empty;

        public string? Superior { get; init; }

        public string? Role { get; init; }

        public bool IsActive { get; init; }

        public bool TwoFactorEnabled { get; init; }
    }
}
