using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Channels.Groups;

/// <summary>The groups and channels this user may see (<see cref="GroupAccess"/>), searched and paged in SQL.</summary>
public sealed class IndexModel(AppDbContext db, GroupAccess access) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public AdministrationLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public Platform? Platform { get; set; }

    [BindProperty(SupportsGet = true)]
    public GroupStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    public Paged<GroupRow> Groups { get; private set; } = null!;

    public bool MayCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        MayCreate = user.Is(StaffRole.Director);
        var groups = access.Readable(user);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = TextSearch.Contains(Q);
            groups = groups.Where(g => EF.Functions.ILike(g.Name, pattern) || EF.Functions.ILike(g.PlatformId, pattern));
        }

        if (Level is { } level)
        {
            groups = groups.Where(g => g.Level == level);
        }

        if (Platform is { } platform)
        {
            groups = groups.Where(g => g.Platform == platform);
        }

        if (Status is { } status)
        {
            groups = groups.Where(g => g.Status == status);
        }

        var rows = GroupRows.Project(db, groups.OrderBy(g => g.Level).ThenBy(g => g.Name).ThenBy(g => g.Id));
        Groups = await Paged<GroupRow>.ReadAsync(rows, PageNumber, PageSize, cancellationToken);
    }

    public IReadOnlyDictionary<string, string?> RouteValues => new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["level"] = Level?.ToString(),
        ["platform"] = Platform?.ToString(),
        ["status"] = Status?.ToString(),
    };
}
