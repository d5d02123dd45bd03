using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Messages;

/// <summary>
/// §7/§8: who may decide on a message (ADR 0014, ADR 0017). Always: not the author, active, a deciding role, director
/// rank or above. Then by the route fixed at submission: <see cref="ApprovalRoute.Chain"/> — in the author's
/// reports-to chain and responsible for every target group; <see cref="ApprovalRoute.Grant"/> — responsible for every
/// target group (the §8 grant lends the grantee to that directorate's groups, so their own chain answers for none of
/// them); <see cref="ApprovalRoute.Superior"/> — in the author's chain, because the author answers for every group
/// themselves and only "their superior" is left. No role bypasses this: the Secretary General and the system
/// administrator are held to the same rule as anyone else.
/// </summary>
public static class ApproverPolicy
{
    /// <summary>Roles whose holders decide on messages; a technical or control role never does, whatever its rank.</summary>
    public static bool RoleMayApprove(string? role) => role is StaffRole.Director or StaffRole.SecretaryGeneral;

    /// <summary>The author's superiors, nearest first. Stops at a loop or a missing record rather than running forever.</summary>
    public static IReadOnlyList<Guid> ChainOf(Guid authorId, IReadOnlyDictionary<Guid, Guid?> superiorOf)
    {
        var chain = new List<Guid>();
        var seen = new HashSet<Guid> { authorId };
        for (var current = authorId; superiorOf.TryGetValue(current, out var next) && next is { } superior && seen.Add(superior);)
        {
            chain.Add(superior);
            current = superior;
        }

        return chain;
    }

    /// <summary>
    /// The route for a message the author submits now: the author answers for every group → their superior; a group
    /// reached only through a transmit grant (§8) → the groups' responsible people; otherwise the §7 chain.
    /// </summary>
    public static ApprovalRoute RouteFor(StaffMember author, IReadOnlyCollection<TargetGroup> targets)
    {
        if (targets.Count > 0 && targets.All(t => IsResponsibleFor(author, t)))
        {
            return ApprovalRoute.Superior;
        }

        return targets.Any(t => !t.AuthorIsOfficer) ? ApprovalRoute.Grant : ApprovalRoute.Chain;
    }

    public static void EnsureMayDecide(
        StaffMember approver, string? approverRole, Guid authorId, IReadOnlyList<Guid> authorChain, IReadOnlyCollection<TargetGroup> targets,
        ApprovalRoute route = ApprovalRoute.Chain)
    {
        if (Refusal(approver, approverRole, authorId, authorChain, targets, route) is { } refusal)
        {
            throw refusal;
        }
    }

    public static bool MayDecide(
        StaffMember approver, string? approverRole, Guid authorId, IReadOnlyList<Guid> authorChain, IReadOnlyCollection<TargetGroup> targets, ApprovalRoute route) =>
        Refusal(approver, approverRole, authorId, authorChain, targets, route) is null;

    /// <summary>Everyone among the candidates who may decide on such a message.</summary>
    public static IReadOnlyList<StaffMember> Deciders(
        IEnumerable<ApproverCandidate> candidates, Guid authorId, IReadOnlyList<Guid> authorChain, IReadOnlyCollection<TargetGroup> targets, ApprovalRoute route) =>
        candidates.Where(c => MayDecide(c.Member, c.Role, authorId, authorChain, targets, route)).Select(c => c.Member).ToList();

    /// <summary>Why this person may not decide, or null when they may.</summary>
    public static DomainException? Refusal(
        StaffMember approver, string? approverRole, Guid authorId, IReadOnlyList<Guid> authorChain, IReadOnlyCollection<TargetGroup> targets, ApprovalRoute route)
    {
        if (approver.Id == authorId)
        {
            return new DomainException("Message.Approver.IsAuthor");
        }

        if (!approver.IsActive)
        {
            return new DomainException("Message.Approver.Inactive");
        }

        if (!RoleMayApprove(approverRole))
        {
            return new DomainException("Message.Approver.Role", approverRole ?? string.Empty);
        }

        if (!approver.Rank.AtLeastDirector())
        {
            return new DomainException("Message.Approver.RankTooLow");
        }

        if (route != ApprovalRoute.Grant && !authorChain.Contains(approver.Id))
        {
            return new DomainException("Message.Approver.NotInChain");
        }

        var notResponsible = route == ApprovalRoute.Superior ? null : targets.FirstOrDefault(t => !IsResponsibleFor(approver, t));
        return notResponsible is null ? null : new DomainException("Message.Approver.NotResponsible", notResponsible.Name);
    }

    /// <summary>The group's administrator, or a person of director rank in the directorate the group belongs to.</summary>
    public static bool IsResponsibleFor(StaffMember approver, TargetGroup target) =>
        target.AdministratorId == approver.Id || (approver.DirectorateId == target.DirectorateId && approver.Rank.AtLeastDirector());
}
