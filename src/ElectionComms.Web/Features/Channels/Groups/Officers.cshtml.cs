using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Channels.Groups;

/// <summary>Assigns and removes the communication officers of a group (§7); the forms sit on the detail page.</summary>
public sealed class OfficersModel(
    AppDbContext db, IAuthorizationService authorization, StaffDirectory directory, PageChanges changes,
    IStringLocalizer<Strings> localizer, TimeProvider clock) : PageModel
{
    public IActionResult OnGet(int id) => RedirectToPage("./Details", new { id });

    public Task<IActionResult> OnPostAddAsync(int id, Guid officerId, CancellationToken cancellationToken) =>
        ChangeAsync(id, async group =>
        {
            var officer = await db.Staff.SingleOrDefaultAsync(s => s.Id == officerId, cancellationToken)
                ?? throw new DomainException("Group.OfficerNotAssigned");
            if (!await directory.HasRoleAsync(officerId, [StaffRole.CommunicationOfficer], cancellationToken))
            {
                throw new DomainException("Group.OfficerNotCommunicationOfficer", officer.FullName);
            }

            group.AssignOfficer(officer, CurrentStaff.From(User).Id, clock.GetUtcNow());
            return localizer["Groups.OfficerAdded", officer.FullName].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, Guid officerId, CancellationToken cancellationToken) =>
        ChangeAsync(id, group =>
        {
            group.RemoveOfficer(officerId);
            return Task.FromResult(localizer["Groups.OfficerRemoved"].Value);
        }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, Func<Domain.Channels.Group, Task<string>> change, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(User, new GroupResource(id), GroupRequirement.Manage))
        {
            return Forbid();
        }

        var group = await db.Groups.Include(g => g.Officers).SingleAsync(g => g.Id == id, cancellationToken);
        return await changes.RedirectAsync(
            this,
            "Error.Group.Concurrency",
            async () =>
            {
                var status = await change(group);
                await db.SaveChangesAsync(cancellationToken);
                return status;
            },
            new { id },
            "./Details");
    }
}
