using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Invitations;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Features.Invitations;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Invitations.Public;

public enum PublicState
{
    /// <summary>Asks for the phone number.</summary>
    Form,

    /// <summary>The number passed the registry check: the platform's link is shown.</summary>
    Granted,

    /// <summary>Malformed or unknown code (404). Nothing about any group is shown.</summary>
    Unknown,

    /// <summary>Expired, revoked or used up (410). Nothing about the group is shown.</summary>
    NoLongerValid,
}

/// <summary>
/// The public invitation page, /ftese/{code} (§5b, §5c): no sign-in. Shows the group's name and level, asks for the
/// phone number, and gives the platform's join link only when <see cref="InvitationGate"/> lets the number through.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class IndexModel(InvitationGate gate, AppBindTickets tickets, TimeProvider clock, IStringLocalizer<Strings> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PublicState State { get; private set; } = PublicState.Form;

    public string GroupName { get; private set; } = string.Empty;

    public AdministrationLevel Level { get; private set; }

    public Platform Platform { get; private set; }

    public string? JoinLink { get; private set; }

    public bool ViaBot { get; private set; }

    /// <summary>For a group of the KQZ app: the ticket the app binds this browser with (posted, never in a URL).</summary>
    public string? AppTicket { get; private set; }

    public bool Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var opened = await gate.FindAsync(code, cancellationToken);
        if (opened is null)
        {
            return Status(PublicState.Unknown);
        }

        if (!opened.IsActiveAt(clock.GetUtcNow()))
        {
            return Status(PublicState.NoLongerValid);
        }

        await gate.CountOpenAsync(opened, cancellationToken);
        Show(opened.Group);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var opened = await gate.FindAsync(code, cancellationToken);
        if (opened is null)
        {
            return Status(PublicState.Unknown);
        }

        if (!opened.IsActiveAt(clock.GetUtcNow()))
        {
            return Status(PublicState.NoLongerValid);
        }

        Show(opened.Group);
        var phone = Common.PhoneNumbers.Normalise(Input.Phone);
        if (!ModelState.IsValid || !phone.IsValid)
        {
            // A mistyped number is not a refusal: nothing is counted, the person just corrects it.
            if (!phone.IsValid)
            {
                ModelState.AddModelError("Input.Phone", localizer["Invitations.Public.Phone." + phone.Problem].Value);
            }

            return Page();
        }

        var admission = await gate.AdmitAsync(opened, phone.E164, cancellationToken);
        switch (admission.Answer)
        {
            case GateAnswer.Refused:
                Refused = true;
                return Page();
            case GateAnswer.NoLongerValid:
                return Status(PublicState.NoLongerValid);
            case GateAnswer.TryAgain:
                ModelState.AddModelError(string.Empty, localizer["Invitations.Public.TryAgain"].Value);
                return Page();
            default:
                State = PublicState.Granted;
                JoinLink = opened.Group.InvitationLink;

                // The KQZ app (issue 20): no platform link; this browser is bound to the person by the app itself.
                AppTicket = opened.Group.Platform == Platform.KqzApp && opened.Invitation.Kind == InvitationKind.Personal
                    ? tickets.Issue(admission.PersonId!.Value, opened.Invitation.Id)
                    : null;
                return Page();
        }
    }

    private void Show(Group group)
    {
        GroupName = group.Name;
        Level = group.Level;
        Platform = group.Platform;
        ViaBot = group.UsesJoinRequests;
    }

    private PageResult Status(PublicState state)
    {
        State = state;
        Response.StatusCode = state == PublicState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(32, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Invitations.Public.Phone")]
        public string Phone { get; set; } = string.Empty;
    }
}
