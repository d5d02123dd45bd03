using System.Globalization;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Exports;
using ElectionComms.Web.Features.Registry;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Registry.Reconciliation;

/// <summary>
/// A reconciliation's four lists (§11), the removal list a clerk works through (who removed whom, when), and the
/// export of the report.
/// </summary>
public sealed class RunModel(
    AppDbContext db, IAuthorizationService authorization, PageChanges changes, IStringLocalizer<Strings> localizer, TimeProvider clock,
    ILogger<RunModel> logger) : PageModel
{
    public RunHeader Run { get; private set; } = null!;

    public IReadOnlyList<EntryRow> Entries { get; private set; } = [];

    public bool MayManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var header = await LoadHeaderAsync(id, cancellationToken);
        if (header is null)
        {
            return NotFound();
        }

        if (!await authorization.MayAsync(User, new GroupResource(header.GroupId), GroupRequirement.ReadMembers))
        {
            return Forbid();
        }

        await LoadAsync(header, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMarkRemovedAsync(int id, int entryId, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        var entry = await db.ReconciliationEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.RunId == id, cancellationToken);
        var groupId = await db.ReconciliationRuns.Where(r => r.Id == id).Select(r => (int?)r.GroupId).SingleOrDefaultAsync(cancellationToken);
        if (entry is null || groupId is null)
        {
            return NotFound();
        }

        if (!await authorization.MayAsync(User, new GroupResource(groupId.Value), GroupRequirement.ManageMembers))
        {
            return Forbid();
        }

        // Recorded meanwhile by another clerk: the entry is already removed.
        return await changes.RedirectAsync(
            this,
            "Error.Reconciliation.AlreadyRemoved",
            async () =>
            {
                var now = clock.GetUtcNow();
                entry.MarkRemoved(user.Id, now);

                // A recorded member who had to leave is now recorded as removed, so they cannot be invited back unnoticed.
                if (entry.PersonId is { } personId
                    && await db.GroupMemberships.SingleOrDefaultAsync(m => m.GroupId == groupId && m.PersonId == personId, cancellationToken) is { Status: MembershipStatus.Member } membership)
                {
                    membership.Remove(localizer["Reconciliation.RemovedBecause", localizer["ReconciliationCategory." + entry.Category].Value].Value, user.Id, now);
                }

                await db.SaveChangesAsync(cancellationToken);
                return localizer["Reconciliation.RemovalRecorded"].Value;
            },
            new { id });
    }

    public async Task<IActionResult> OnGetExportAsync(int id, ExportFormat format, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        var run = await db.ReconciliationRuns.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null || !Enum.IsDefined(format))
        {
            return NotFound();
        }

        if (!await authorization.MayAsync(User, new GroupResource(run.GroupId), GroupRequirement.ReadMembers))
        {
            return Forbid();
        }

        // §10: the export of numbers is recorded in the audit trail before the file leaves.
        run.RecordExport(user.Id, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Reconciliation {RunId} exported as {Format} by {UserId}", id, format, user.Id);

        var headers = new[]
        {
            localizer["Reconciliation.Category"].Value, localizer["Reconciliation.Phone"].Value, localizer["Reconciliation.ObservedName"].Value,
            localizer["Reconciliation.RegistryName"].Value, localizer["Reconciliation.Match"].Value, localizer["Reconciliation.Occurrences"].Value,
            localizer["Reconciliation.RemovedBy"].Value, localizer["Reconciliation.RemovedAt"].Value,
        };
        var culture = CultureInfo.CurrentCulture;
        async IAsyncEnumerable<object?[]> Rows()
        {
            await foreach (var e in Query(id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                yield return
                [
                    localizer["ReconciliationCategory." + e.Category].Value, e.Phone, e.Name, e.PersonName,
                    localizer["MatchKind." + e.Match].Value, e.Occurrences, e.RemovedBy,
                    e.RemovedAt is { } at ? PortalTime.Display(at) : null,
                ];
            }
        }

        return new ExportFileResult(format, $"reconciliation-{id}", (stream, token) => TableExport.WriteAsync(format, stream, headers, Rows(), culture, token));
    }

    private IQueryable<EntryRow> Query(int runId) => db.ReconciliationEntries
        .Where(e => e.RunId == runId)
        .OrderBy(e => e.Category).ThenBy(e => e.Id)
        .Select(e => new EntryRow(
            e.Id,
            e.Category,
            e.Match,
            e.Phone,
            e.Name,
            db.People.Where(p => p.Id == e.PersonId).Select(p => p.FullName).FirstOrDefault(),
            e.Occurrences,
            e.RemovedAt,
            db.Staff.Where(s => s.Id == e.RemovedById).Select(s => s.FullName).FirstOrDefault()));

    private Task<RunHeader?> LoadHeaderAsync(int id, CancellationToken cancellationToken) => db.ReconciliationRuns
        .Where(r => r.Id == id)
        .Select(r => new RunHeader(
            r.Id,
            r.GroupId,
            db.Groups.Where(g => g.Id == r.GroupId).Select(g => g.Name).First(),
            r.Source,
            r.CreatedAt,
            db.Staff.Where(s => s.Id == r.CreatedById).Select(s => s.FullName).FirstOrDefault() ?? string.Empty,
            r.ObservedRows,
            r.DuplicateRows))
        .SingleOrDefaultAsync(cancellationToken);

    private async Task LoadAsync(RunHeader header, CancellationToken cancellationToken)
    {
        Run = header;
        MayManage = await authorization.MayAsync(User, new GroupResource(header.GroupId), GroupRequirement.ManageMembers);
        var entries = await Query(header.Id).ToListAsync(cancellationToken);

        // §10: those who must act on the platform see the numbers; readers see them masked.
        Entries = MayManage ? entries : entries.Select(e => e with { Phone = Mask(e.Phone) }).ToList();
    }

    /// <summary>§10: the registry's one masking rule.</summary>
    public static string? Mask(string? phone) => phone is null ? null : Common.PhoneNumbers.Mask(phone);

    public sealed record RunHeader(
        int Id, int GroupId, string GroupName, string Source, DateTimeOffset CreatedAt, string CreatedBy, int ObservedRows, int DuplicateRows);

    public sealed record EntryRow(
        int Id, ReconciliationCategory Category, MatchKind Match, string? Phone, string? Name, string? PersonName, int Occurrences,
        DateTimeOffset? RemovedAt, string? RemovedBy);
}
