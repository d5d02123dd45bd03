using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Channels.Accounts;

/// <summary>Official accounts (§4) with their creation status (§5a); pending requests first.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Platform? Platform { get; set; }

    [BindProperty(SupportsGet = true)]
    public AccountStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Directorate { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Accounts { get; private set; } = default!;

    public IReadOnlyList<DirectorateOption> Directorates { get; private set; } = [];

    /// <summary>Requests waiting for the Secretary General's decision; shown to the Secretary General only.</summary>
    public int PendingForMe { get; private set; }

    public bool IsSecretaryGeneral => User.IsInRole(StaffRole.SecretaryGeneral);

    public bool MayRequest => User.IsInRole(StaffRole.Director);

    public bool SeesAllDirectorates => IsSecretaryGeneral || User.IsInRole(StaffRole.Auditor);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var english = Cultures.IsEnglish;
        var visible = db.Visible(CurrentStaff.From(User));
        var query = visible;
        if (Platform is { } platform)
        {
            query = query.Where(a => a.Platform == platform);
        }

        if (Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (Directorate is { } directorate)
        {
            query = query.Where(a => a.DirectorateId == directorate);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = TextSearch.Contains(Search);
            query = query.Where(a => EF.Functions.ILike(a.Handle, pattern) || EF.Functions.ILike(a.Name, pattern));
        }

        var rows = query
            .OrderBy(a => a.Status == AccountStatus.Requested ? 0 : 1)
            .ThenBy(a => a.Platform)
            .ThenBy(a => a.Handle)
            .ThenBy(a => a.Id)
            .Select(a => new Row(
                a.Id,
                a.Platform,
                a.ControlClass,
                a.Handle,
                a.Name,
                db.Directorates.Where(d => d.Id == a.DirectorateId).Select(d => english ? d.NameEn : d.NameSq).First(),
                a.Status,
                db.Staff.Where(s => s.Id == a.RequestedById).Select(s => s.FullName).First(),
                a.RequestedAt,
                db.Staff.Where(s => s.Id == a.DecidedById).Select(s => s.FullName).FirstOrDefault(),
                a.DecidedAt,
                db.Groups.Count(g => g.AccountId == a.Id)));
        Accounts = await Paged<Row>.ReadAsync(rows, PageNumber, PageSize, cancellationToken);

        if (SeesAllDirectorates)
        {
            Directorates = await db.Directorates
                .OrderBy(d => d.Code)
                .Select(d => new DirectorateOption(d.Id, d.Code, english ? d.NameEn : d.NameSq))
                .ToListAsync(cancellationToken);
        }

        if (IsSecretaryGeneral)
        {
            PendingForMe = await visible.CountAsync(a => a.Status == AccountStatus.Requested, cancellationToken);
        }
    }

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["platform"] = Platform?.ToString(),
        ["status"] = Status?.ToString(),
        ["directorate"] = Directorate?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["q"] = Search,
    };

    public sealed record Row(
        int Id, Platform Platform, ControlClass ControlClass, string Handle, string Name, string Directorate,
        AccountStatus Status, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt,
        int Groups);

    public sealed record DirectorateOption(int Id, string Code, string Name);
}
