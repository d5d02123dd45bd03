using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Channels.Accounts;

/// <summary>
/// One official account with its audit history. The Secretary General approves or refuses a request (§5a) and
/// suspends, resumes or closes a live account, each with a reason where a reason makes sense.
/// </summary>
public sealed class DetailsModel(AppDbContext db, PageChanges changes, IStringLocalizer<Strings> localizer, TimeProvider clock) : PageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public AccountView Account { get; private set; } = default!;

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public bool MayDecide => User.IsInRole(StaffRole.SecretaryGeneral);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, (account, me, now) => account.Approve(me, now), "Accounts.Approved", cancellationToken);

    public Task<IActionResult> OnPostRefuseAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, (account, me, now) => account.Refuse(me, Input.Reason ?? string.Empty, now), "Accounts.RefusedDone", cancellationToken);

    public Task<IActionResult> OnPostSuspendAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, (account, _, _) => account.Suspend(Input.Reason ?? string.Empty), "Accounts.SuspendedDone", cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, (account, _, _) => account.Resume(), "Accounts.ResumedDone", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, (account, _, _) => account.Close(Input.Reason ?? string.Empty), "Accounts.ClosedDone", cancellationToken);

    private async Task<IActionResult> DecideAsync(
        int id, Action<OfficialAccount, StaffMember, DateTimeOffset> decide, string doneKey, CancellationToken cancellationToken)
    {
        if (!MayDecide)
        {
            return Forbid();
        }

        var account = await db.OfficialAccounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        var me = CurrentStaff.From(User);
        return await changes.FormAsync(
            this,
            "Error.Account.Concurrency",
            async () =>
            {
                // The form carries the row version it was drawn from; a decision on a changed account is refused,
                // before the domain judges it (the change, not the decision, is what the person must learn of). The
                // row version is a concurrency token: a change between this check and the save is refused too.
                if (db.Entry(account).Property<uint>("xmin").CurrentValue != Input.Version)
                {
                    throw new DbUpdateConcurrencyException("The account changed since the form was drawn.");
                }

                var decider = await db.Staff.SingleAsync(s => s.Id == me.Id, cancellationToken);
                decide(account, decider, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return localizer[doneKey, account.Handle].Value;
            },
            async () => await LoadAsync(id, cancellationToken) ?? Page(),
            new { id });
    }

    /// <returns>A result to return instead of the page (not found, forbidden), or null when the page can show.</returns>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var english = Cultures.IsEnglish;
        var account = await db.OfficialAccounts
            .Where(a => a.Id == id)
            .Select(a => new AccountView(
                a.Id,
                a.Platform,
                a.ControlClass,
                a.Handle,
                a.Name,
                a.DirectorateId,
                db.Directorates.Where(d => d.Id == a.DirectorateId).Select(d => english ? d.NameEn : d.NameSq).First(),
                a.Status,
                a.Purpose,
                a.StatusReason,
                db.Staff.Where(s => s.Id == a.RequestedById).Select(s => s.FullName).First(),
                a.RequestedAt,
                db.Staff.Where(s => s.Id == a.DecidedById).Select(s => s.FullName).FirstOrDefault(),
                a.DecidedAt,
                db.Groups.Count(g => g.AccountId == a.Id),
                EF.Property<uint>(a, "xmin")))
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        if (!await db.Visible(CurrentStaff.From(User)).AnyAsync(a => a.Id == id, cancellationToken))
        {
            return Forbid();
        }

        Account = account;
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        History = await db.AuditEntries
            .Where(e => e.Entity == nameof(OfficialAccount) && e.EntityId == entityId)
            .OrderByDescending(e => e.Id)
            .Select(e => new HistoryRow(e.OccurredAt, e.ActorName, e.Action, e.Entity, e.Details))
            .ToListAsync(cancellationToken);

        // A refused post shows the form again drawn from the current row, so a retry is a deliberate new decision.
        Input = new DecisionInput { Reason = Input.Reason, Version = account.Version };
        ModelState.Remove($"{nameof(Input)}.{nameof(DecisionInput.Version)}");
        return null;
    }

    public sealed record AccountView(
        int Id, Platform Platform, ControlClass ControlClass, string Handle, string Name, int DirectorateId, string Directorate,
        AccountStatus Status, string Purpose, string? StatusReason, string RequestedBy, DateTimeOffset RequestedAt,
        string? DecidedBy, DateTimeOffset? DecidedAt, int Groups, uint Version);

    public sealed record HistoryRow(DateTimeOffset At, string Actor, string Action, string Entity, string Details);

    public sealed class DecisionInput
    {
        /// <summary>Why the account is refused, suspended or closed; the domain decides when it is required.</summary>
        [Display(Name = "Accounts.Reason")]
        public string? Reason { get; set; }

        public uint Version { get; set; }
    }
}
