using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Common;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Features.Invitations;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ElectionComms.Web.Features.Invitations;

/// <summary>
/// Bulk invitations for trainings (§5b): for a level and a scope (one KZAZ, or the whole country) one group-wide
/// invitation per group, printed as an A4 sheet (always in Albanian, for the members) or downloaded as a ZIP of
/// print-size PNGs. Both are produced in full before the invitations are committed and the first byte is sent
/// (ADR 0019): a failure midway leaves no invitation whose code nobody saw.
/// </summary>
[DeliverBatchBeforeCommit]
public sealed class BulkModel(
    AppDbContext db, InvitationAccess access, InvitationBatch batch, InvitationImages images, DomainErrors errors,
    IStringLocalizer<Strings> localizer, IOptions<InvitationOptions> options, TimeProvider clock) : PageModel, IDeliversBatch
{
    /// <summary>Batches at least this large get a note that they take a while (and the progress script).</summary>
    public const int LargeBatch = 300;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>How many groups the current choice selects (shown before generating).</summary>
    public int? Matching { get; private set; }

    public IReadOnlyList<BatchItem>? Sheet { get; private set; }

    public PendingBatch? Pending { get; private set; }

    public DateTimeOffset SheetExpires { get; private set; }

    public IActionResult OnGet()
    {
        if (!CurrentStaff.From(User).Is(Domain.Organisation.StaffRole.Clerk))
        {
            return Forbid();
        }

        Input.ExpiresOn = PortalTime.Today(clock).AddDays(options.Value.DefaultValidityDays);
        Input.MaxUses = 50;
        return Page();
    }

    /// <summary>Counts the groups the choice selects; changes nothing.</summary>
    public async Task<IActionResult> OnPostCountAsync(CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        if (!user.Is(Domain.Organisation.StaffRole.Clerk))
        {
            return Forbid();
        }

        if (Input.Level is { } level && ModelState.GetFieldValidationState("Input.KzazNumber") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            Matching = await batch.Select(access.Issuable(user), level, Input.KzazNumber).CountAsync(cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSheetAsync(CancellationToken cancellationToken)
    {
        if (!CurrentStaff.From(User).Is(Domain.Organisation.StaffRole.Clerk))
        {
            return Forbid();
        }

        Pending = await IssueAsync(InvitationBatch.SheetMaxCards, cancellationToken);
        if (Pending is null)
        {
            return Page();
        }

        // The sheet is for the members: Albanian whatever language the clerk reads the portal in.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Albanian);
        Sheet = Pending.Items;
        SheetExpires = GroupModel.EndOf(Input.ExpiresOn!.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostZipAsync(CancellationToken cancellationToken)
    {
        if (!CurrentStaff.From(User).Is(Domain.Organisation.StaffRole.Clerk))
        {
            return Forbid();
        }

        Pending = await IssueAsync(maxCount: null, cancellationToken);
        if (Pending is null)
        {
            return Page();
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(string.Create(CultureInfo.InvariantCulture, $"ftesat-{Input.Level}-{(Input.KzazNumber is { } n ? "kzaz-" + n : "kombetare")}.zip"));
        return new BatchZipResult(Pending.Items, images, disposition.ToString());
    }

    public string QrDataUri(string code, string caption) => images.ScreenDataUri(code, caption);

    private async Task<PendingBatch?> IssueAsync(int? maxCount, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        if (!ModelState.IsValid)
        {
            return null;
        }

        var selected = batch.Select(access.Issuable(user), Input.Level!.Value, Input.KzazNumber);
        Matching = await selected.CountAsync(cancellationToken);
        if (Matching == 0)
        {
            ModelState.AddModelError(string.Empty, localizer["Invitations.BulkNoGroups"].Value);
            return null;
        }

        if (Matching > maxCount)
        {
            ModelState.AddModelError(string.Empty, localizer["Invitations.BulkSheetTooLarge", maxCount.Value.ToString("N0"), Matching.Value.ToString("N0")].Value);
            return null;
        }

        try
        {
            return await batch.IssueAsync(selected, GroupModel.EndOf(Input.ExpiresOn!.Value), Input.MaxUses!.Value, Input.Note, user.Id, cancellationToken);
        }
        catch (DomainException exception)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, errors.Describe(exception));
            return null;
        }
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Groups.Level")]
        public AdministrationLevel? Level { get; set; }

        [Range(1, 999, ErrorMessage = "Invitations.KzazRange")]
        [Display(Name = "Invitations.KzazNumber")]
        public int? KzazNumber { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Invitations.ExpiresOn")]
        public DateOnly? ExpiresOn { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Invitations.MaxUses")]
        public int? MaxUses { get; set; }

        [StringLength(Domain.Invitations.Invitation.NoteMaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Invitations.Note")]
        public string? Note { get; set; }
    }
}
