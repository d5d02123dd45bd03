using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Features.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Registry;

/// <summary>The phone-number registry of one election (§5c): search, filters, paging in SQL; numbers masked (§10).</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? Election { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public AdministrationLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public UnitRole? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public PersonStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ElectionOption> Elections { get; private set; } = [];

    public Paged<PersonRow> People { get; private set; } = default!;

    public bool MayImport => RegistryRights.MayChange(CurrentStaff.From(User));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Elections = await ElectionOption.ListAsync(db, cancellationToken);
        Election ??= ElectionOption.Resolve(null, Elections);

        var people = db.People.Where(p => p.ElectionId == Election);
        if (Level is { } level)
        {
            people = people.Where(p => p.Level == level);
        }

        if (Role is { } role)
        {
            people = people.Where(p => p.Role == role);
        }

        if (Status is { } status)
        {
            people = people.Where(p => p.Status == status);
        }

        var term = Search?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            // Digits only: the end of a number (the clerk knows "…67"); anything else: part of the name.
            people = term.All(char.IsAsciiDigit)
                ? people.Where(p => p.Phone.EndsWith(term))
                : people.Where(p => EF.Functions.ILike(p.FullName, TextSearch.Contains(term)));
        }

        var rows = people.Project(db);
        if (!string.IsNullOrWhiteSpace(Unit))
        {
            var unit = Unit.Trim();
            rows = rows.Where(r => r.Unit == unit);
        }

        People = await Paged<PersonRow>.ReadAsync(rows.OrderBy(r => r.FullName).ThenBy(r => r.Id), PageNumber, PageSize, cancellationToken);
    }

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["election"] = Election?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["q"] = Search,
        ["level"] = Level?.ToString(),
        ["unit"] = Unit,
        ["role"] = Role?.ToString(),
        ["status"] = Status?.ToString(),
    };
}
