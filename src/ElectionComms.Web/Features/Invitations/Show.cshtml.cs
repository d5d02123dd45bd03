using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Features.Invitations;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
namespace ElectionComms.Web.Features.Invitations;

/// <summary>
/// The new invitation's link and QR code, shown once: only the code's hash is stored, so this page has the code
/// only right after it was created (handed over in the encrypted TempData cookie). The downloads post the code
/// back and are checked against the stored hash, so a code never appears in an address or a log line.
/// </summary>
public sealed class ShowModel(AppDbContext db, IAuthorizationService authorization, InvitationLinks links, IStringLocalizer<Strings> localizer) : PageModel
{
    public int GroupId { get; private set; }

    public string GroupName { get; private set; } = string.Empty;

    public string? Code { get; private set; }

    public string? Link { get; private set; }

    public string? PngDataUri { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var invitation = await LoadAsync(id, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }

        if (!await authorization.MayAsync(User, new InvitationResource(invitation.GroupId), InvitationRequirement.Manage))
        {
            return Forbid();
        }

        if (TempData[GroupModel.CodeKey] is string code && InvitationCodes.IsWellFormed(code) && InvitationCodes.Matches(code, invitation.CodeHash))
        {
            Code = code;
            Link = links.For(code);
            PngDataUri = "data:image/png;base64," + Convert.ToBase64String(QrImages.Png(Link, GroupName, QrSize.Screen));
        }

        return Page();
    }

    public Task<IActionResult> OnPostPngAsync(int id, string? code, CancellationToken cancellationToken) =>
        DownloadAsync(id, code, (url, caption) => File(QrImages.Png(url, caption, QrSize.Screen), "image/png", FileName(id, "png")), cancellationToken);

    public Task<IActionResult> OnPostPrintPngAsync(int id, string? code, CancellationToken cancellationToken) =>
        DownloadAsync(id, code, (url, caption) => File(QrImages.Png(url, caption, QrSize.Print), "image/png", FileName(id, "print.png")), cancellationToken);

    public Task<IActionResult> OnPostSvgAsync(int id, string? code, CancellationToken cancellationToken) =>
        DownloadAsync(id, code, (url, caption) => File(System.Text.Encoding.UTF8.GetBytes(QrImages.Svg(url, caption)), "image/svg+xml", FileName(id, "svg")), cancellationToken);

    private static string FileName(int id, string extension) => $"ftesa-{id}.{extension}";

    private async Task<IActionResult> DownloadAsync(
        int id, string? code, Func<string, string, IActionResult> render, CancellationToken cancellationToken)
    {
        var invitation = await LoadAsync(id, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }

        if (!await authorization.MayAsync(User, new InvitationResource(invitation.GroupId), InvitationRequirement.Manage))
        {
            return Forbid();
        }

        if (code is null || !InvitationCodes.IsWellFormed(code) || !InvitationCodes.Matches(code, invitation.CodeHash))
        {
            // Not this invitation's code (or none): nothing to draw; the page explains that a code is shown once.
            TempData["Error"] = localizer["Invitations.CodeShownOnce"].Value;
            return RedirectToPage(new { id });
        }

        return render(links.For(code), GroupName);
    }

    private async Task<InvitationCode?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.Invitations.Where(i => i.Id == id)
            .Select(i => new { i.GroupId, i.CodeHash, Name = db.Groups.Where(g => g.Id == i.GroupId).Select(g => g.Name).First() })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        GroupId = row.GroupId;
        GroupName = row.Name;
        return new InvitationCode(row.GroupId, row.CodeHash);
    }

    private sealed record InvitationCode(int GroupId, byte[] CodeHash);
}
