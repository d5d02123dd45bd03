using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using ElectionComms.Web.Exports;
using ElectionComms.Web.Localisation;
using ElectionComms.Web.Pages.Shared;
using ElectionComms.Web.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Pages.Registry;

/// <summary>
/// Roster import (§5c): upload → the file waits on the server → preview (counts and every invalid row) → apply in
/// one transaction. Only the clerk keeping the registry imports.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[UploadLimit(MaxRequestBytes, "Registry.File.TooLarge", (int)(ImportStore.MaxFileBytes / 1024))]
public sealed class ImportModel(
    AppDbContext db, ImportStore store, RosterImporter importer, IStringLocalizer<Strings> localizer) : PageModel
{
    /// <summary>The largest roster plus room for the multipart envelope and the antiforgery token.</summary>
    public const long MaxRequestBytes = ImportStore.MaxFileBytes + (64 * 1024);

    /// <summary>Invalid rows listed on the page; the downloadable file has all of them.</summary>
    public const int ErrorsShown = 500;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public IReadOnlyList<ElectionOption> Elections { get; private set; } = [];

    /// <summary>The uploaded file and its preview, when <see cref="Id"/> names one.</summary>
    public StoredImport? Import { get; private set; }

    private Guid Me => CurrentStaff.From(User).Id;

    public async Task<IActionResult> OnGetAsync(int? election, CancellationToken cancellationToken)
    {
        if (!RegistryRights.MayChange(CurrentStaff.From(User)))
        {
            return Forbid();
        }

        if (Id is { } id)
        {
            Import = await store.FindAsync(id, Me, cancellationToken);
            if (Import?.Preview is null)
            {
                return NotFound();
            }
        }

        Elections = await ElectionOption.ListAsync(db, cancellationToken);
        Input.ElectionId = election ?? ElectionOption.Default(Elections);
        return Page();
    }

    /// <summary>Upload: the file goes to disk, is previewed there, and the preview is shown by a redirect (PRG).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!RegistryRights.MayChange(CurrentStaff.From(User)))
        {
            return Forbid();
        }

        Elections = await ElectionOption.ListAsync(db, cancellationToken);
        if (Input.ElectionId is { } electionId && Elections.All(e => e.Id != electionId))
        {
            ModelState.AddModelError("Input.ElectionId", localizer["Registry.UnknownElection"]);
        }

        if (!ModelState.IsValid || Input.File is null)
        {
            return Page();
        }

        var stored = await store.SaveAsync(Input.File, Me, Input.ElectionId!.Value, Input.Mode, cancellationToken);
        if (stored is null)
        {
            ModelState.AddModelError(string.Empty, localizer["Registry.File.TooLarge", ImportStore.MaxFileBytes / 1024]);
            return Page();
        }

        var preview = await importer.PreviewAsync(stored.ElectionId, store.FilePath(stored.Id), stored.Format, stored.Mode, cancellationToken);
        if (preview.FileError is { } code)
        {
            store.Delete(stored.Id);
            ModelState.AddModelError(string.Empty, FileMessage(code, preview.FileErrorArgument));
            return Page();
        }

        await store.WriteAsync(stored with { Preview = preview }, cancellationToken);
        return RedirectToPage(new { id = stored.Id });
    }

    /// <summary>Validates the stored file again and writes it in one transaction, if nothing changed since the preview.</summary>
    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        if (!RegistryRights.MayChange(CurrentStaff.From(User)))
        {
            return Forbid();
        }

        var import = Id is { } id ? await store.FindAsync(id, Me, cancellationToken) : null;
        if (import?.Preview is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        ImportOutcome outcome;
        if (await store.HashAsync(import.Id, cancellationToken) != import.Sha256)
        {
            outcome = ImportOutcome.Refused("FileChanged");
        }
        else
        {
            var reason = localizer["Registry.EndedByRoster", Truncate(import.FileName, 200)].Value;
            outcome = await importer.ApplyAsync(
                import.ElectionId, store.FilePath(import.Id), import.Format, import.Mode, import.Preview, reason, cancellationToken);
        }

        if (outcome.FileError is { } code)
        {
            ModelState.AddModelError(string.Empty, FileMessage(code, outcome.FileErrorArgument));
            Import = import;
            Elections = await ElectionOption.ListAsync(db, cancellationToken);
            return Page();
        }

        store.Delete(import.Id);
        TempData["Status"] = localizer[
            "Registry.Applied", outcome.New.ToString("N0"), outcome.Changed.ToString("N0"), outcome.Unchanged.ToString("N0"),
            outcome.Ended.ToString("N0"), outcome.Invalid.ToString("N0")].Value;
        return RedirectToPage("Index", new { election = import.ElectionId });
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken cancellationToken)
    {
        if (!RegistryRights.MayChange(CurrentStaff.From(User)))
        {
            return Forbid();
        }

        if (Id is { } id && await store.FindAsync(id, Me, cancellationToken) is not null)
        {
            store.Delete(id);
        }

        return RedirectToPage(new { id = (Guid?)null });
    }

    /// <summary>Every invalid row of the preview as CSV: row, column, reason (no names or numbers leave the server).</summary>
    public async Task<IActionResult> OnGetErrorsAsync(CancellationToken cancellationToken)
    {
        if (!RegistryRights.MayChange(CurrentStaff.From(User)))
        {
            return Forbid();
        }

        var import = Id is { } id ? await store.FindAsync(id, Me, cancellationToken) : null;
        if (import?.Preview is null)
        {
            return NotFound();
        }

        var culture = CultureInfo.CurrentCulture;
        string[] headers = [localizer["Registry.ErrorRow"], localizer["Registry.ErrorColumn"], localizer["Registry.ErrorReason"]];
        var rows = import.Preview.Errors.Select(e => new object?[] { e.Row, e.Column, RowMessage(e) }).ToAsyncEnumerable();
        return new ExportFileResult(ExportFormat.Csv, localizer["Registry.ErrorsFileName"], async (output, aborted) =>
            await TableExport.WriteCsvAsync(output, headers, rows, culture, aborted));
    }

    /// <summary>The template: the headers and one example row, as CSV or XLSX.</summary>
    public IActionResult OnGetTemplate(ExportFormat format = ExportFormat.Csv)
    {
        var culture = CultureInfo.CurrentCulture;
        var headers = RosterColumns.All.Select(c => c.Header).ToList();
        object?[] example = ["Arta Hoxha", "069 123 4567", RosterColumns.Word(UnitRole.Member), "KQV", "0119", "01.03.2027", "31.05.2027"];
        var rows = new[] { example }.ToAsyncEnumerable();
        return new ExportFileResult(format, localizer["Registry.TemplateFileName"], async (output, aborted) =>
            await TableExport.WriteAsync(format, output, headers, rows, culture, aborted));
    }

    public string RowMessage(RowError error) => localizer["Registry.Row." + error.Code, error.Argument ?? string.Empty];

    private string FileMessage(string code, string? argument) => localizer["Registry.File." + code, argument ?? string.Empty];

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Registry.Election")]
        public int? ElectionId { get; set; }

        [Display(Name = "Registry.Mode")]
        public ImportMode Mode { get; set; } = ImportMode.Changes;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Registry.File")]
        public IFormFile? File { get; set; }
    }
}
