using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Invitations;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Invitations;

/// <summary>A created invitation with its code, which exists only here and in the link given to the clerk.</summary>
public sealed record IssuedInvitation(Invitation Invitation, string Code);

/// <summary>Creates and re-issues invitations: asks the group and the registry what the domain rules need.</summary>
public sealed class InvitationIssuer(AppDbContext db, EligibilityQuery eligibility, TimeProvider clock)
{
    public async Task<IssuedInvitation> CreateAsync(
        int groupId, int? personId, DateTimeOffset expiresAt, int maxUses, string? note, Guid by, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(groupId, cancellationToken);
        var mayBeInvited = personId is { } person && await MayBeInvitedAsync(person, groupId, cancellationToken);
        var code = InvitationCodes.Create();
        var invitation = Invitation.Create(target, personId, mayBeInvited, code.Hash, expiresAt, maxUses, note, by, clock.GetUtcNow());
        db.Invitations.Add(invitation);
        return new IssuedInvitation(invitation, code.Code);
    }

    public async Task<IssuedInvitation> ReissueAsync(Invitation previous, DateTimeOffset expiresAt, Guid by, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(previous.GroupId, cancellationToken);
        var mayBeInvited = previous.PersonId is { } person && await MayBeInvitedAsync(person, previous.GroupId, cancellationToken);
        var code = InvitationCodes.Create();
        var next = previous.Reissue(target, mayBeInvited, code.Hash, expiresAt, by, clock.GetUtcNow());
        db.Invitations.Add(next);
        return new IssuedInvitation(next, code.Code);
    }

    /// <summary>A group of the KQZ app needs no platform link: redeeming the invitation opens the app itself (issue 20).</summary>
    public static IQueryable<InvitationTarget> Targets(IQueryable<Group> groups) => groups.Select(g => new InvitationTarget(
        g.Id,
        g.Status == GroupStatus.Active,
        g.Platform == Platform.KqzApp || (g.UsesJoinRequests ? g.BotStartLink != null : g.JoinLink != null),
        g.Platform == Platform.KqzApp));

    private async Task<InvitationTarget> TargetAsync(int groupId, CancellationToken cancellationToken) =>
        await Targets(db.Groups.Where(g => g.Id == groupId)).SingleOrDefaultAsync(cancellationToken) is { GroupId: > 0 } target
            ? target
            : throw new DomainException("Invitation.GroupNotFound");

    private async Task<bool> MayBeInvitedAsync(int personId, int groupId, CancellationToken cancellationToken) =>
        await eligibility.MayBeInvitedAsync(personId, groupId, PortalTime.Today(clock), cancellationToken);
}
