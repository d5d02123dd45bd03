using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Channels.Logos;

/// <summary>
/// The §6 logo register: the current KQZ logo, every earlier version, and the upload of a new one (checked by its
/// content, never by its name).
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[UploadLimit(MaxRequestBytes, "Logos.RequestTooLarge", LogoImage.MaxBytes / 1024)]
public sealed class IndexModel(
    AppDbContext db, GroupAccess access, ChangeFailures failures, IStringLocalizer<Strings> localizer, TimeProvider clock) : PageModel
{
    /// <summary>The largest logo plus room for the multipart envelope and the antiforgery token.</summary>
    public const long MaxRequestBytes = LogoImage.MaxBytes + (64 * 1024);

    public const int PageSize = 20;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    public VersionRow? Current { get; private set; }

    public Paged<VersionRow> Versions { get; private set; } = default!;

    public int OutdatedGroups { get; private set; }

    public bool MayUpload => LogoRegister.MayUpload(CurrentStaff.From(User));

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayUpload)
        {
            return Forbid();
        }

        if (!ModelState.IsValid || Input.File is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await Input.File.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var (version, error) = await SaveVersionAsync(Input.File.FileName, content, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var outdated = await LogoRegister.Outdated(access, CurrentStaff.From(User), version).CountAsync(cancellationToken);
        TempData["Status"] = localizer["Logos.Uploaded", version, outdated.ToString("N0")].Value;
        return RedirectToPage();
    }

    /// <summary>Numbers the new version max + 1 inside one transaction; the unique index settles a parallel upload.</summary>
    /// <returns>The new version number, or the message to show when the upload is refused.</returns>
    private async Task<(int Version, string? Error)> SaveVersionAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var previous = await db.CurrentLogoVersionAsync(cancellationToken) ?? 0;
            var logo = LogoVersion.Upload(previous, fileName, content, CurrentStaff.From(User).Id, clock.GetUtcNow());
            db.LogoVersions.Add(logo);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (logo.Version, null);
        }
        catch (Exception exception) when (failures.Describe(exception, "Logos.VersionTaken") is { } error)
        {
            db.ChangeTracker.Clear();
            return (0, error);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var versions = db.LogoVersions
            .OrderByDescending(l => l.Version)
            .Select(l => new VersionRow(
                l.Version,
                l.FileName,
                l.ContentType,
                l.Content.Length,
                l.Width,
                l.Height,
                l.Sha256,
                db.Staff.Where(s => s.Id == l.UploadedById).Select(s => s.FullName).First(),
                l.UploadedAt));
        Current = await versions.FirstOrDefaultAsync(cancellationToken);
        Versions = await Paged<VersionRow>.ReadAsync(versions, PageNumber, PageSize, cancellationToken);
        OutdatedGroups = Current is null
            ? 0
            : await LogoRegister.Outdated(access, CurrentStaff.From(User), Current.Version).CountAsync(cancellationToken);
    }

    public sealed record VersionRow(
        int Version, string FileName, string ContentType, int Size, int Width, int Height, string Sha256, string UploadedBy,
        DateTimeOffset UploadedAt);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Logos.File")]
        public IFormFile? File { get; set; }
    }
}
