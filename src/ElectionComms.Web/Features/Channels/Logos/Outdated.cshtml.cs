using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Channels.Logos;

/// <summary>
/// §6: after a new logo version, the active groups that still show an older one (or none recorded). A clerk or
/// director records, group by group or for a selection, that a group now shows the current logo.
/// </summary>
public sealed class OutdatedModel(
    AppDbContext db, GroupAccess access, IAuthorizationService authorization, DomainErrors errors, IStringLocalizer<Strings> localizer)
    : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    /// <summary>The groups ticked for "mark selected".</summary>
    [BindProperty]
    public List<int> Selected { get; set; } = [];

    public int? CurrentVersion { get; private set; }

    public Paged<Row> Groups { get; private set; } = default!;

    public bool MayMark => LogoRegister.MayMark(CurrentStaff.From(User));

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?> { ["q"] = Search };

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostMarkAsync(int id, CancellationToken cancellationToken)
    {
        if (!await MayMarkAsync([id]))
        {
            return Forbid();
        }

        var current = await db.CurrentLogoVersionAsync(cancellationToken);
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return NotFound();
        }

        try
        {
            group.MarkLogoShown(current ?? 0);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException exception)
        {
            return await ShowErrorAsync(errors.Describe(exception), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowErrorAsync(localizer["Error.Group.Concurrency"], cancellationToken);
        }

        TempData["Status"] = localizer["Logos.MarkedOne", group.Name, current!.Value].Value;
        return BackToList();
    }

    public async Task<IActionResult> OnPostMarkSelectedAsync(CancellationToken cancellationToken)
    {
        var ids = Selected.Distinct().ToList();
        if (ids.Count == 0 || ids.Count > PageSize)
        {
            return await ShowErrorAsync(localizer["Logos.SelectGroups", PageSize], cancellationToken);
        }

        if (!await MayMarkAsync(ids))
        {
            return Forbid();
        }

        var current = await db.CurrentLogoVersionAsync(cancellationToken);
        if (current is null)
        {
            return await ShowErrorAsync(localizer["Error.Logo.UnknownVersion"], cancellationToken);
        }

        // A group someone marked meanwhile already shows the current logo: nothing to record for it.
        var groups = await db.Groups.Where(g => ids.Contains(g.Id) && (g.LogoVersion == null || g.LogoVersion != current)).ToListAsync(cancellationToken);
        foreach (var group in groups)
        {
            group.MarkLogoShown(current.Value);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowErrorAsync(localizer["Error.Group.Concurrency"], cancellationToken);
        }

        TempData["Status"] = localizer["Logos.MarkedMany", groups.Count.ToString("N0"), current.Value].Value;
        return BackToList();
    }

    private RedirectToPageResult BackToList() =>
        RedirectToPage(new RouteValueDictionary(Filters) { [PagerModel.PageNumberKey] = PageNumber });

    /// <summary>Every group is checked with the resource-based handler; one refusal refuses the whole request.</summary>
    private async Task<bool> MayMarkAsync(IEnumerable<int> ids)
    {
        foreach (var id in ids)
        {
            if (!await authorization.MayAsync(User, new GroupResource(id), GroupRequirement.MarkLogo))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<IActionResult> ShowErrorAsync(string message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError(string.Empty, message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CurrentVersion = await db.CurrentLogoVersionAsync(cancellationToken);
        var groups = LogoRegister.Outdated(access, CurrentStaff.From(User), CurrentVersion ?? 0);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = TextSearch.Contains(Search);
            groups = groups.Where(g => EF.Functions.ILike(g.Name, pattern));
        }

        var rows = groups
            .OrderBy(g => g.Name)
            .ThenBy(g => g.Id)
            .Select(g => new Row(
                g.Id,
                g.Name,
                g.Kind,
                g.Platform,
                g.Level,
                db.OfficialAccounts.Where(a => a.Id == g.AccountId).Select(a => a.Handle).First(),
                g.LogoVersion));
        Groups = await Paged<Row>.ReadAsync(rows, PageNumber, PageSize, cancellationToken);
    }

    public sealed record Row(int Id, string Name, GroupKind Kind, Platform Platform, AdministrationLevel Level, string Account, int? LogoVersion);
}
