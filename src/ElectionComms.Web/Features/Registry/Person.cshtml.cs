using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Features.Registry;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Registry;

/// <summary>One person of the registry: details (number masked), change history, reveals, end and reinstate.</summary>
public sealed class PersonModel(AppDbContext db, PageChanges changes, IStringLocalizer<Strings> localizer, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PersonRow Person { get; private set; } = default!;

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public IReadOnlyList<RevealRow> Reveals { get; private set; } = [];

    /// <summary>The full number, set only in the response to an audited reveal.</summary>
    public string? RevealedPhone { get; private set; }

    public bool MayChange => RegistryRights.MayChange(CurrentStaff.From(User));

    public bool MayReveal => RegistryRights.MayReveal(CurrentStaff.From(User));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>§10: the full number is shown in this response only, after the reveal is saved (and so audited).</summary>
    public async Task<IActionResult> OnPostRevealAsync(int id, CancellationToken cancellationToken)
    {
        if (!MayReveal)
        {
            return Forbid();
        }

        var phone = await db.People.Where(p => p.Id == id).Select(p => p.Phone).FirstOrDefaultAsync(cancellationToken);
        if (phone is null)
        {
            return NotFound();
        }

        db.PhoneReveals.Add(PhoneReveal.Record(id, CurrentStaff.From(User).Id, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        RevealedPhone = Common.PhoneNumbers.Display(phone);
        ModelState.Clear();
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(int id, CancellationToken cancellationToken)
    {
        if (!MayChange)
        {
            return Forbid();
        }

        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        return await ChangeAsync(id, () => person.End(Input.Reason ?? string.Empty, clock.GetUtcNow()), "Registry.Ended", cancellationToken);
    }

    public async Task<IActionResult> OnPostReinstateAsync(int id, CancellationToken cancellationToken)
    {
        if (!MayChange)
        {
            return Forbid();
        }

        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        return await ChangeAsync(id, person.Reinstate, "Registry.Reinstated", cancellationToken);
    }

    private Task<IActionResult> ChangeAsync(int id, Action change, string doneKey, CancellationToken cancellationToken) =>
        changes.FormAsync(
            this,
            "Registry.ChangedMeanwhile",
            async () =>
            {
                change();
                await db.SaveChangesAsync(cancellationToken);
                return localizer[doneKey].Value;
            },
            async () =>
            {
                await LoadAsync(id, cancellationToken);
                return Page();
            },
            new { id });

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var person = await db.People.Where(p => p.Id == id).Project(db).FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return false;
        }

        Person = person;
        var key = id.ToString(CultureInfo.InvariantCulture);
        History = await db.AuditEntries
            .Where(a => a.Entity == nameof(Domain.Registry.Person) && a.EntityId == key)
            .OrderByDescending(a => a.Id)
            .Select(a => new HistoryRow(a.OccurredAt, a.ActorName, a.Action, a.Entity, a.Details))
            .ToListAsync(cancellationToken);
        Reveals = await db.PhoneReveals
            .Where(r => r.PersonId == id)
            .OrderByDescending(r => r.Id)
            .Take(50)
            .Select(r => new RevealRow(r.RevealedAt, db.Staff.Where(s => s.Id == r.RevealedById).Select(s => s.FullName).First()))
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed record HistoryRow(DateTimeOffset At, string Actor, string Action, string Entity, string Details);

    public sealed record RevealRow(DateTimeOffset At, string By);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [MaxLength(Domain.Registry.Person.ReasonMaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Registry.EndReason")]
        public string? Reason { get; set; }
    }
}
