using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Invitations;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Invitations.Public;

/// <summary>What the gate says to a phone number at an invitation.</summary>
public enum GateAnswer
{
    /// <summary>The number is in the registry for this group: the platform's link may be shown.</summary>
    Granted,

    /// <summary>Not in the registry, someone else's personal invitation, or not eligible today (counted, §5c).</summary>
    Refused,

    /// <summary>Used up in the same moment by someone else.</summary>
    NoLongerValid,

    /// <summary>Changed in the same moment by a clerk (revoked, re-issued): the person tries again.</summary>
    TryAgain,
}

/// <summary>
/// The gate between an invitation and the platform's join link (§5b, §5c): finds the invitation by its code,
/// counts every open, and lets through only a number that the registry has, active, for this group today — not
/// removed, and for a personal invitation only that person. Every refusal and grant is counted with the number
/// masked (§10); the same person coming back gets the link again without using up another use.
/// </summary>
public sealed partial class InvitationGate(AppDbContext db, EligibilityQuery eligibility, TimeProvider clock, ILogger<InvitationGate> logger)
{
    public sealed record Opened(Invitation Invitation, Group Group)
    {
        public bool IsActiveAt(DateTimeOffset now) => Invitation.StatusAt(now) == InvitationStatus.Active;
    }

    /// <returns>Null for a malformed or unknown code: nothing about any group may then be shown.</returns>
    public async Task<Opened?> FindAsync(string code, CancellationToken cancellationToken)
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
        return new Opened(invitation, group);
    }

    public async Task CountOpenAsync(Opened opened, CancellationToken cancellationToken)
    {
        db.InvitationUses.Add(InvitationUse.Opened(opened.Invitation.Id, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The gate's answer, and the person it let through.</summary>
    public sealed record Admission(GateAnswer Answer, int? PersonId = null);

    /// <param name="e164">A valid number, already normalised (<see cref="Common.PhoneNumbers.Normalise"/>).</param>
    public async Task<Admission> AdmitAsync(Opened opened, string e164, CancellationToken cancellationToken)
    {
        var (invitation, group) = opened;
        var now = clock.GetUtcNow();
        var masked = Common.PhoneNumbers.Mask(e164);
        var personId = await db.People
            .Where(p => p.ElectionId == group.ElectionId && p.Phone == e164 && p.Status == PersonStatus.Active)
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
            return new(GateAnswer.Refused);
        }

        var person = personId!.Value;
        var alreadyGranted = await db.InvitationUses.AnyAsync(
            u => u.InvitationId == invitation.Id && u.Outcome == UseOutcome.Granted && u.PersonId == person, cancellationToken);
        try
        {
            if (!alreadyGranted)
            {
                invitation.RecordUse(now);
            }

            db.InvitationUses.Add(InvitationUse.Granted(invitation.Id, person, masked, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException)
        {
            return new(GateAnswer.NoLongerValid);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(GateAnswer.TryAgain);
        }

        LogGranted(invitation.Id, masked);
        return new(GateAnswer.Granted, person);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} refused {MaskedPhone}: {Reason}")]
    private partial void LogRefused(int invitationId, string maskedPhone, RefusalReason reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} gave the join link to {MaskedPhone}")]
    private partial void LogGranted(int invitationId, string maskedPhone);
}
