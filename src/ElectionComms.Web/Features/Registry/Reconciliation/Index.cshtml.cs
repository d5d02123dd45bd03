using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Features.Registry;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Registry.Reconciliation;

/// <summary>§11: upload a group's member list as exported from the platform, compare it with the registry.</summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[UploadLimit(MaxRequestBytes, "Reconciliation.FileTooLarge", (int)(ReconciliationMemberList.MaxFileBytes / (1024 * 1024)))]
public sealed class IndexModel(
    AppDbContext db, IAuthorizationService authorization, EligibilityQuery eligibility, ReconciliationComparer comparer,
    DomainErrors errors, IStringLocalizer<Strings> localizer, TimeProvider clock) : PageModel
{
    /// <summary>The file plus room for the multipart envelope and the antiforgery token.</summary>
    public const long MaxRequestBytes = ReconciliationMemberList.MaxFileBytes + (64 * 1024);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string GroupName { get; private set; } = string.Empty;

    public bool MayManage { get; private set; }

    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int groupId, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        if (!await authorization.MayAsync(User, new GroupResource(groupId), GroupRequirement.ReadMembers))
        {
            return await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken) ? Forbid() : NotFound();
        }

        await LoadAsync(groupId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int groupId, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        if (!await authorization.MayAsync(User, new GroupResource(groupId), GroupRequirement.ManageMembers))
        {
            return Forbid();
        }

        var group = await eligibility.TargetAsync(groupId, cancellationToken);
        if (group is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid && Input.File is { } file)
        {
            try
            {
                await using var content = file.OpenReadStream();
                var members = ReconciliationMemberList.ReadAsync(content, file.FileName, cancellationToken);
                return await RecordAsync(group, Path.GetFileName(file.FileName), members, user, cancellationToken);
            }
            catch (MemberListException exception)
            {
                ModelState.AddModelError(string.Empty, localizer["Error." + exception.Code, [.. exception.Arguments]]);
            }
            catch (DomainException exception)
            {
                ModelState.AddModelError(string.Empty, errors.Describe(exception));
            }
        }

        await LoadAsync(groupId, cancellationToken);
        return Page();
    }

    /// <summary>
    /// The members the platform's events show in the group now (issue 14 item 4), compared like an uploaded list: a
    /// member the bot identified by their number counts with that number, anyone else by name only.
    /// </summary>
    public async Task<IActionResult> OnPostLiveAsync(int groupId, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        if (!await authorization.MayAsync(User, new GroupResource(groupId), GroupRequirement.ManageMembers))
        {
            return Forbid();
        }

        if (await eligibility.TargetAsync(groupId, cancellationToken) is not { } group)
        {
            return NotFound();
        }

        var latest = db.MemberEvents.Where(e => e.GroupId == groupId).GroupBy(e => e.PlatformUserId).Select(g => g.Max(e => e.Id));
        var observed = await db.MemberEvents.AsNoTracking()
            .Where(e => latest.Contains(e.Id) && MemberEvent.InGroupKinds.Contains(e.Kind))
            .Select(e => new MemberObservation(db.People.Where(p => p.Id == e.PersonId).Select(p => p.Phone).FirstOrDefault(), e.DisplayName))
            .ToListAsync(cancellationToken);
        if (observed.Count > 0)
        {
            return await RecordAsync(group, localizer["Reconciliation.LiveSource"].Value, observed.ToAsyncEnumerable(), user, cancellationToken);
        }

        // Nothing seen yet (no bot in the group, or nobody joined since it is there): said, and nothing recorded.
        ModelState.AddModelError(string.Empty, localizer["Reconciliation.NoLiveMembers"]);
        await LoadAsync(groupId, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> RecordAsync(GroupTarget group, string source, IAsyncEnumerable<MemberObservation> members, CurrentStaff user, CancellationToken cancellationToken)
    {
        var report = await comparer.CompareAsync(group, members, PortalTime.Today(clock), cancellationToken);
        var run = ReconciliationRun.Record(group.Id, source, report, user.Id, clock.GetUtcNow());
        db.ReconciliationRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = localizer["Reconciliation.Compared", report.Lines.Count(l => l.MustBeRemoved)].Value;
        return RedirectToPage("./Run", new { id = run.Id });
    }

    private async Task LoadAsync(int groupId, CancellationToken cancellationToken)
    {
        GroupName = await db.Groups.Where(g => g.Id == groupId).Select(g => g.Name).SingleAsync(cancellationToken);
        MayManage = await authorization.MayAsync(User, new GroupResource(groupId), GroupRequirement.ManageMembers);
        Runs = await db.ReconciliationRuns
            .Where(r => r.GroupId == groupId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(20)
            .Select(r => new RunRow(
                r.Id,
                r.Source,
                r.CreatedAt,
                db.Staff.Where(s => s.Id == r.CreatedById).Select(s => s.FullName).FirstOrDefault() ?? string.Empty,
                r.Entries.Count(e => e.Category == ReconciliationCategory.Eligible),
                r.Entries.Count(e => e.Category != ReconciliationCategory.Eligible),
                r.Entries.Count(e => e.Category != ReconciliationCategory.Eligible && e.RemovedAt == null)))
            .ToListAsync(cancellationToken);
    }

    public sealed record RunRow(int Id, string Source, DateTimeOffset CreatedAt, string CreatedBy, int Eligible, int ToRemove, int Outstanding);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Reconciliation.File")]
        public IFormFile? File { get; set; }
    }
}
