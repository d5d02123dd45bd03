using ElectionComms.Domain.Common;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.MemberApp.Devices;

/// <summary>The clerk revokes a member's lost or replaced device (issue 20 item 1): from the next request it opens nothing; audited.</summary>
public sealed class RevokeModel(AppDbContext db, PageChanges changes, TimeProvider clock, IStringLocalizer<Strings> localizer) : PageModel
{
    public IActionResult OnGet(int personId) => RedirectToPage("/Registry/Person", new { id = personId });

    public Task<IActionResult> OnPostAsync(int personId, int deviceId, CancellationToken cancellationToken) =>
        changes.RedirectAsync(this, "Registry.ChangedMeanwhile", async () =>
        {
            var device = await db.AppDevices.SingleOrDefaultAsync(d => d.Id == deviceId && d.PersonId == personId, cancellationToken)
                ?? throw new DomainException("AppDevice.NotFound");
            device.Revoke(CurrentStaff.From(User).Id, clock.GetUtcNow());
            await db.AppPushSubscriptions.Where(s => s.DeviceId == deviceId).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return localizer["MemberDevices.RevokedDone"].Value;
        }, new { id = personId }, "/Registry/Person");
}
