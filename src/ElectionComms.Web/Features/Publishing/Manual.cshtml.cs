using System.ComponentModel.DataAnnotations;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Publishing;

/// <summary>§4 c: what the signed-in officer posts, or deletes, by hand in groups no API reaches (<see cref="ManualPosting"/>).</summary>
public sealed class ManualModel(ManualPosting posting, PageChanges changes, IStringLocalizer<Strings> localizer, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ManualPosting.Work> Work { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    [BindProperty]
    [Display(Name = "Manual.PostedAt")]
    public DateTime? PostedAt { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Work = await posting.WaitingForAsync(CurrentStaff.From(User), cancellationToken);
    }

    public Task<IActionResult> OnPostPostedAsync(long deliveryId, CancellationToken cancellationToken) =>
        changes.RedirectAsync(
            this,
            "Error.Delivery.Concurrency",
            async () =>
            {
                // The officer types Tirana time; an empty field means "just now".
                var postedAt = PostedAt is { } local
                    ? new DateTimeOffset(local, PortalTime.Zone.GetUtcOffset(local)).ToUniversalTime()
                    : clock.GetUtcNow();
                await posting.PostedAsync(CurrentStaff.From(User), deliveryId, postedAt, cancellationToken);
                return localizer["Manual.PostedDone"].Value;
            },
            null);

    public Task<IActionResult> OnPostDeletedAsync(long deliveryId, CancellationToken cancellationToken) =>
        changes.RedirectAsync(
            this,
            "Error.Delivery.Concurrency",
            async () =>
            {
                await posting.DeletedAsync(CurrentStaff.From(User), deliveryId, cancellationToken);
                return localizer["Manual.DeletedDone"].Value;
            },
            null);
}
