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
/// phone number, checks it against the registry for this group (eligible today, not removed; for a personal
/// invitation, that person only) and only then gives the platform's join link. Every open, refusal and grant is
/// counted; numbers are kept and logged masked only (§10).
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed partial class IndexModel(
    AppDbContext db, EligibilityQuery eligibility, TimeProvider clock, IStringLocalizer<Strings> localizer, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PublicState State { get; private set; } = PublicState.Form;

    public string GroupName { get; private set; } = string.Empty;

    public AdministrationLevel Level { get; private set; }

    public Platform Platform { get; private set; }

    public string? JoinLink { get; private set; }

    public bool ViaBot { get; private set; }

    public bool Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var found = await FindAsync(code, cancellationToken);
        if (found is null)
        {
            return Status(PublicState.Unknown);
        }

        var (invitation, group) = found.Value;
        var now = clock.GetUtcNow();
        if (invitation.StatusAt(now) != InvitationStatus.Active)
        {
            return Status(PublicState.NoLongerValid);
        }

        db.InvitationUses.Add(InvitationUse.Opened(invitation.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        Show(group);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var found = await FindAsync(code, cancellationToken);
        if (found is null)
        {
            return Status(PublicState.Unknown);
        }

        var (invitation, group) = found.Value;
        var now = clock.GetUtcNow();
        if (invitation.StatusAt(now) != InvitationStatus.Active)
        {
            return Status(PublicState.NoLongerValid);
        }

        Show(group);
        var phone = ElectionComms.Web.Common.PhoneNumbers.Normalise(Input.Phone);
        if (!ModelState.IsValid || !phone.IsValid)
        {
            // A mistyped number is not a refusal: nothing is counted, the person just corrects it.
            if (!phone.IsValid)
            {
                ModelState.AddModelError("Input.Phone", localizer["Invitations.Public.Phone." + phone.Problem].Value);
            }

            return Page();
        }

        var masked = ElectionComms.Web.Common.PhoneNumbers.Mask(phone.E164);
        var personId = await db.People
            .Where(p => p.ElectionId == group.ElectionId && p.Phone == phone.E164 && p.Status == PersonStatus.Active)
            .Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var refusal = personId is not { } id ? RefusalReason.NotInRegistry
            : !invitation.IsFor(id) ? RefusalReason.OtherPerson
            : !await eligibility.MayBeInvitedAsync(id, group.Id, PortalTime.Today(clock), cancellationToken) ? RefusalReason.NotEligible
            : (RefusalReason?)null;
        if (refusal is { } reason)
        {
            db.InvitationUses.Add(InvitationUse.Refused(invitation.Id, reason, masked, now));
            await db.SaveChangesAsync(cancellationToken);
            LogRefused(invitation.Id, masked, reason);
            Refused = true;
            return Page();
        }

        // The same person opening the link again gets it again without using up another use.
        var personIdValue = personId!.Value;
        var alreadyGranted = await db.InvitationUses.AnyAsync(
            u => u.InvitationId == invitation.Id && u.Outcome == UseOutcome.Granted && u.PersonId == personIdValue, cancellationToken);
        try
        {
            if (!alreadyGranted)
            {
                invitation.RecordUse(now);
            }

            db.InvitationUses.Add(InvitationUse.Granted(invitation.Id, personIdValue, masked, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException)
        {
            return Status(PublicState.NoLongerValid);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, localizer["Invitations.Public.TryAgain"].Value);
            return Page();
        }

        LogGranted(invitation.Id, masked);
        State = PublicState.Granted;
        JoinLink = group.InvitationLink;
        return Page();
    }

    private async Task<(Invitation Invitation, Group Group)?> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (!InvitationCodes.IsWellFormed(code))
        {
            return null;
        }

        var hash = InvitationCodes.Hash(code);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.CodeHash == hash, cancellationToken);
        if (invitation is null || !InvitationCodes.Matches(code, invitation.CodeHash))
        {
            return null;
        }

        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == invitation.GroupId, cancellationToken);
        return (invitation, group);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} refused {MaskedPhone}: {Reason}")]
    private partial void LogRefused(int invitationId, string maskedPhone, RefusalReason reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} gave the join link to {MaskedPhone}")]
    private partial void LogGranted(int invitationId, string maskedPhone);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(32, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Invitations.Public.Phone")]
        public string Phone { get; set; } = string.Empty;
    }
}
