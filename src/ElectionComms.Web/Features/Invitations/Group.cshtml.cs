using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Invitations;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ElectionComms.Web.Features.Invitations;

/// <summary>
/// A group's invitations (§5b): status and use counts of each, and for clerks the forms to create a group-wide or
/// personal invitation, revoke one, or re-issue one with a new code.
/// </summary>
public sealed class GroupModel(
    AppDbContext db, IAuthorizationService authorization, InvitationIssuer issuer, EligibilityQuery eligibility, PageChanges changes,
    IStringLocalizer<Strings> localizer, IOptions<InvitationOptions> options, TimeProvider clock) : PageModel
{
    /// <summary>Personal invitations pick from at most this many eligible people; a larger group uses group-wide ones.</summary>
    public const int PeopleChoiceLimit = 300;

    /// <summary>Key of the one-time code handed from the create or re-issue POST to the page that shows it.</summary>
    public const string CodeKey = "Invitations.NewCode";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public GroupHeader Group { get; private set; } = null!;

    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public IReadOnlyList<PersonOption> People { get; private set; } = [];

    public bool MayIssue { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        if (!await authorization.MayAsync(User, new InvitationResource(id), InvitationRequirement.View))
        {
            return await db.Groups.AnyAsync(g => g.Id == id, cancellationToken) ? Forbid() : NotFound();
        }

        Input = new InputModel
        {
            ExpiresOn = PortalTime.Today(clock).AddDays(options.Value.DefaultValidityDays),
            MaxUses = 50,
        };
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(int id, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        if (!await authorization.MayAsync(User, new InvitationResource(id), InvitationRequirement.Manage))
        {
            return await db.Groups.AnyAsync(g => g.Id == id, cancellationToken) ? Forbid() : NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        return await changes.FormAsync(
            this,
            "Invitations.ChangedMeanwhile",
            async () =>
            {
                var personId = Input.Personal ? Input.PersonId ?? throw new DomainException("Invitation.PersonRequired") : (int?)null;
                var issued = await issuer.CreateAsync(id, personId, EndOf(Input.ExpiresOn!.Value), Input.MaxUses!.Value, Input.Note, user.Id, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                TempData[CodeKey] = issued.Code;
                return new Done(localizer["Invitations.Created"].Value, "./Show", new { id = issued.Invitation.Id });
            },
            async () =>
            {
                await LoadAsync(id, cancellationToken);
                return Page();
            },
            new { id });
    }

    public Task<IActionResult> OnPostRevokeAsync(int id, int invitationId, CancellationToken cancellationToken) =>
        ChangeAsync(id, invitationId, async (invitation, user) =>
        {
            invitation.Revoke(user.Id, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return localizer["Invitations.Revoked"].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostReissueAsync(int id, int invitationId, DateOnly? expiresOn, CancellationToken cancellationToken) =>
        ChangeAsync(id, invitationId, async (invitation, user) =>
        {
            var expires = expiresOn is { } day ? EndOf(day) : throw new DomainException("Invitation.ExpiryRequired");
            var issued = await issuer.ReissueAsync(invitation, expires, user.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            TempData[CodeKey] = issued.Code;
            return new Done(localizer["Invitations.Reissued"].Value, "./Show", new { id = issued.Invitation.Id });
        }, cancellationToken);

    /// <summary>An invitation is valid until the end of the chosen day in Tirana.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => PortalTime.StartOfDay(day.AddDays(1)).AddSeconds(-1);

    private async Task<IActionResult> ChangeAsync(
        int id, int invitationId, Func<Invitation, CurrentStaff, Task<Done>> change, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        if (!await authorization.MayAsync(User, new InvitationResource(id), InvitationRequirement.Manage))
        {
            return await db.Groups.AnyAsync(g => g.Id == id, cancellationToken) ? Forbid() : NotFound();
        }

        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.GroupId == id, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }

        return await changes.RedirectAsync(this, "Invitations.ChangedMeanwhile", () => change(invitation, user), new { id });
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        Now = clock.GetUtcNow();
        Group = await db.Groups.Where(g => g.Id == id)
            .Select(g => new GroupHeader(g.Id, g.Name, g.Level, g.Platform.ToString(), g.UsesJoinRequests ? g.BotStartLink : g.JoinLink, g.Status == Domain.Channels.GroupStatus.Active))
            .SingleAsync(cancellationToken);
        MayIssue = await authorization.MayAsync(User, new InvitationResource(id), InvitationRequirement.Manage);
        Invitations = await InvitationRows.Project(db, db.Invitations.Where(i => i.GroupId == id)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id))
            .ToListAsync(cancellationToken);
        if (MayIssue)
        {
            var target = (await eligibility.TargetAsync(id, cancellationToken))!;
            var removed = db.GroupMemberships.Where(m => m.GroupId == id && m.Status == Domain.Registry.MembershipStatus.Removed).Select(m => m.PersonId);
            People = await eligibility.Eligible(target, PortalTime.Today(clock))
                .Where(p => !removed.Contains(p.Id))
                .OrderBy(p => p.FullName).ThenBy(p => p.Id)
                .Select(p => new PersonOption(p.Id, p.FullName, p.Role.ToString()))
                .Take(PeopleChoiceLimit)
                .ToListAsync(cancellationToken);
        }
    }

    public sealed record GroupHeader(int Id, string Name, AdministrationLevel Level, string Platform, string? Link, bool IsActive);

    public sealed record PersonOption(int Id, string FullName, string Role);

    public sealed class InputModel
    {
        [Display(Name = "Invitations.Personal")]
        public bool Personal { get; set; }

        [Display(Name = "Invitations.Person")]
        public int? PersonId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Invitations.ExpiresOn")]
        public DateOnly? ExpiresOn { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Invitations.MaxUses")]
        public int? MaxUses { get; set; }

        [StringLength(Invitation.NoteMaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Invitations.Note")]
        public string? Note { get; set; }
    }
}
