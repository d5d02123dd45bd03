using System.ComponentModel.DataAnnotations;
using System.Globalization;
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

namespace ElectionComms.Web.Features.Registry;

/// <summary>
/// Roster import (§5c): upload → the file waits on the server → preview (counts and every invalid row) → apply in
/// one transaction. Only the clerk keeping the registry imports.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[UploadLimit(MaxRequestBytes, "Registry.File.TooLarge", (int)(ImportStore.MaxFileBytes / 1024))]
public sealed class ImportModel(
    AppDbContext db, IAuthorizationService authorization, ImportStore store, RosterImporter importer, IStringLocalizer<Strings> localizer) : PageModel
{
    /// <summary>The largest roster plus room for the multipart envelope and the antiforgery token.</summary>
    public const long MaxRequestBytes = ImportStore.MaxFileBytes + (64 * 1024);

    /// <summary>Invalid rows listed on the page; the downloadable file has all of them.</summary>
    public const int ErrorsShown = 500;

    /// <summary>People a full roster would end, per page of the preview (the download has all of them).</summary>
    public const int EndedPageSize = 50;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    /// <summary>The number of people to be ended that the clerk typed to confirm (§5c, ADR 0018).</summary>
    [BindProperty]
    public int? ConfirmEnded { get; set; }

    /// <summary>The second confirmation, when more than a tenth of the election's active people would be ended.</summary>
    [BindProperty]
    public bool ConfirmMany { get; set; }

    public IReadOnlyList<ElectionOption> Elections { get; private set; } = [];

    /// <summary>One page of the people the full roster would end, by name.</summary>
    public Paged<PersonRow>? Ended { get; private set; }

    public PagerModel? EndedPager => Ended?.Pager(new Dictionary<string, string?> { ["id"] = Id?.ToString() });

    /// <summary>The uploaded file and its preview, when <see cref="Id"/> names one.</summary>
    public StoredImport? Import { get; private set; }

    private Guid Me => CurrentStaff.From(User).Id;

    /// <summary>The upload, when it exists and is this clerk's own; someone else's is as if it did not exist.</summary>
    private async Task<StoredImport?> OwnUploadAsync(Guid id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } import && await authorization.MayAsync(User, import, RegistryUploadRequirement.Use)
            ? import
            : null;

    public async Task<IActionResult> OnGetAsync(int? election, CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Import = await OwnUploadAsync(id, cancellationToken);
            if (Import?.Preview is null)
            {
                return NotFound();
            }

            if (Import.Preview.Ended > 0)
            {
                Ended = await Paged<PersonRow>.ReadAsync(EndedPeople(Import.Preview), PageNumber, EndedPageSize, cancellationToken);
            }
        }

        Elections = await ElectionOption.ListAsync(db, cancellationToken);
        Input.ElectionId = election ?? ElectionOption.Resolve(null, Elections);
        return Page();
    }

    /// <summary>Upload: the file goes to disk, is previewed there, and the preview is shown by a redirect (PRG).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
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
        var import = Id is { } id ? await OwnUploadAsync(id, cancellationToken) : null;
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
                import.ElectionId, store.FilePath(import.Id), import.Format, import.Mode, import.Preview,
                new EndingConfirmation(ConfirmEnded, ConfirmMany), reason, cancellationToken);
        }

        // A missing or mistyped confirmation leaves the preview standing for another try; anything else needs a new upload.
        if (outcome.FileError is "EndedNotConfirmed" or "EndedCountDiffers" or "ManyEndedNotConfirmed")
        {
            ModelState.AddModelError(string.Empty, FileMessage(outcome.FileError, outcome.FileErrorArgument));
            return await OnGetAsync(import.ElectionId, cancellationToken);
        }

        // The upload holds names and numbers (§10): it goes once apply has run, whatever the outcome (ADR 0018).
        store.Delete(import.Id);
        if (outcome.FileError is { } code)
        {
            ModelState.AddModelError(string.Empty, FileMessage(code, outcome.FileErrorArgument));
            Id = null;
            Elections = await ElectionOption.ListAsync(db, cancellationToken);
            Input.ElectionId = import.ElectionId;
            return Page();
        }

        TempData["Status"] = localizer[
            "Registry.Applied", outcome.New.ToString("N0"), outcome.Changed.ToString("N0"), outcome.Unchanged.ToString("N0"),
            outcome.Ended.ToString("N0"), outcome.Invalid.ToString("N0")].Value;
        return RedirectToPage("Index", new { election = import.ElectionId });
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id && await OwnUploadAsync(id, cancellationToken) is not null)
        {
            store.Delete(id);
        }

        return RedirectToPage(new { id = (Guid?)null });
    }

    /// <summary>
    /// Every invalid row of the preview as CSV: row, column, reason, then the row's cells as the file has them (phone
    /// numbers masked, §10), read again from the stored upload so that no copy of them is kept beside it.
    /// </summary>
    public async Task<IActionResult> OnGetErrorsAsync(CancellationToken cancellationToken)
    {
        var import = Id is { } id ? await OwnUploadAsync(id, cancellationToken) : null;
        if (import?.Preview is null)
        {
            return NotFound();
        }

        var culture = CultureInfo.CurrentCulture;
        var columns = RosterColumns.All.Select(c => c.Column).ToList();
        List<string> headers =
            [localizer["Registry.ErrorRow"], localizer["Registry.ErrorColumn"], localizer["Registry.ErrorReason"], .. RosterColumns.All.Select(c => c.Header)];
        var byRow = import.Preview.Errors.ToLookup(e => e.Row);
        async IAsyncEnumerable<object?[]> Rows()
        {
            await foreach (var raw in RosterReader.ReadAsync(store.FilePath(import.Id), import.Format, cancellationToken))
            {
                foreach (var error in byRow[raw.Number])
                {
                    yield return [error.Row, error.Column, RowMessage(error), .. columns.Select(c => (object?)CellShown(raw, c))];
                }
            }
        }

        return new ExportFileResult(ExportFormat.Csv, localizer["Registry.ErrorsFileName"], async (output, aborted) =>
            await TableExport.WriteCsvAsync(output, headers, Rows(), culture, aborted));
    }

    /// <summary>Everybody the full roster would end (name, masked number, role, level, unit), as CSV or XLSX.</summary>
    public async Task<IActionResult> OnGetEndedAsync(ExportFormat format, CancellationToken cancellationToken)
    {
        var import = Id is { } id ? await OwnUploadAsync(id, cancellationToken) : null;
        if (import?.Preview is null)
        {
            return NotFound();
        }

        var culture = CultureInfo.CurrentCulture;
        string[] headers =
            [localizer["Registry.FullName"], localizer["Registry.Phone"], localizer["Registry.Role"], localizer["Registry.Level"], localizer["Registry.Unit"]];
        var rows = EndedPeople(import.Preview).AsNoTracking().AsAsyncEnumerable().Select(r => new object?[]
        {
            r.FullName, r.MaskedPhone, localizer["UnitRole." + r.Role].Value, localizer["AdministrationLevel." + r.Level].Value, r.Unit,
        });
        return new ExportFileResult(format, localizer["Registry.EndedFileName"], async (output, aborted) =>
            await TableExport.WriteAsync(format, output, headers, rows, culture, aborted));
    }

    /// <summary>
    /// The template: the headers only. An example person would be imported by a clerk who forgot to delete it, so the
    /// words for roles and levels are on the import page instead.
    /// </summary>
    public IActionResult OnGetTemplate(ExportFormat format = ExportFormat.Csv)
    {
        var culture = CultureInfo.CurrentCulture;
        var headers = RosterColumns.All.Select(c => c.Header).ToList();
        var rows = AsyncEnumerable.Empty<object?[]>();
        return new ExportFileResult(format, localizer["Registry.TemplateFileName"], async (output, aborted) =>
            await TableExport.WriteAsync(format, output, headers, rows, culture, aborted));
    }

    public string RowMessage(RowError error) =>
        localizer["Registry.Row." + error.Code, error.Argument ?? string.Empty, error.Value ?? string.Empty];

    /// <summary>The people of the preview's <see cref="ImportOutcome.EndedIds"/>, by name, read and paged in SQL.</summary>
    private IOrderedQueryable<PersonRow> EndedPeople(ImportOutcome preview)
    {
        var ids = (preview.EndedIds ?? []).ToArray();
        return db.People.Where(p => ids.Contains(p.Id)).Project(db).OrderBy(r => r.FullName).ThenBy(r => r.Id);
    }

    private static string? CellShown(RawRow row, RosterColumn column)
    {
        var value = row.Cells.TryGetValue(column, out var cell) ? cell : null;
        return column == RosterColumn.Phone && !string.IsNullOrWhiteSpace(value) ? ElectionComms.Web.Common.PhoneNumbers.MaskTyped(value) : value;
    }

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
