using ElectionComms.Web.Common;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>"Check now" on the group page (issue 14 item 5): the administrator comparison at once, for whoever may manage the group.</summary>
public sealed class CheckAdministratorsModel(AdministratorCheck check, PageChanges changes, IAuthorizationService authorization, IStringLocalizer<Strings> localizer) : PageModel
{
    public IActionResult OnGet(int groupId) => RedirectToPage("/Channels/Groups/Details", new { id = groupId });

    public async Task<IActionResult> OnPostAsync(int groupId, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(User, new GroupResource(groupId), GroupRequirement.Manage))
        {
            return Forbid();
        }

        return await changes.RedirectAsync(this, "Error.Group.Concurrency", async () =>
        {
            var (result, answered) = await check.CheckAsync(groupId, cancellationToken);
            return localizer[result is null ? "PlatformAdmins.NotTelegram" : !answered ? "PlatformAdmins.NoAnswer"
                : result.HasProblem ? "PlatformAdmins.CheckedWithProblems" : "PlatformAdmins.CheckedClean"].Value;
        }, new { id = groupId }, "/Channels/Groups/Details");
    }
}
