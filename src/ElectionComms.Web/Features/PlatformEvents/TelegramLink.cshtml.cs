using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// "My Telegram account" (issue 14 item 5): an employee links their own Telegram account through a one-time start link
/// to a KQZ bot (<see cref="StaffLinks"/>), so the administrator check can see them among a group's administrators.
/// The link is shown once, in the answer to the post that made it, as text and as a QR code for the phone.
/// </summary>
public sealed class TelegramLinkModel(AppDbContext db, StaffLinks links, PageChanges changes, IStringLocalizer<Strings> localizer) : PageModel
{
    public StaffPlatformLink? Link { get; private set; }

    public StaffLinks.Started? Started { get; private set; }

    public string? QrCode { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        Started = await links.StartAsync(CurrentStaff.From(User).Id, cancellationToken);
        if (Started is null)
        {
            ModelState.AddModelError(string.Empty, localizer["StaffLink.NoBot"]);
        }
        else
        {
            QrCode = QrDataUri.Png(Started.Link);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostUnlinkAsync(CancellationToken cancellationToken) =>
        changes.RedirectAsync(this, "Error.Group.Concurrency", async () =>
        {
            await links.UnlinkAsync(CurrentStaff.From(User).Id, cancellationToken);
            return localizer["StaffLink.Unlinked"].Value;
        }, null);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = CurrentStaff.From(User).Id;
        Link = await db.StaffPlatformLinks.AsNoTracking().SingleOrDefaultAsync(l => l.StaffMemberId == id && l.Platform == Platform.Telegram, cancellationToken);
    }
}
