using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Messaging;

/// <summary>
/// §7: who may approve a message — "their superior". Not the author; someone of director rank or above who stands in
/// the author's reports-to chain and is responsible for every target group, as its administrator or as the director
/// of the directorate it belongs to. No role bypasses this: the Secretary General and the system administrator are
/// held to the same rule as anyone else (ADR 0014).
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

    public static void EnsureMayDecide(
        StaffMember approver, string? approverRole, Guid authorId, IReadOnlyList<Guid> authorChain, IReadOnlyCollection<TargetGroup> targets)
    {
        if (approver.Id == authorId)
        {
            throw new DomainException("Message.Approver.IsAuthor");
        }

        if (!approver.IsActive)
        {
            throw new DomainException("Message.Approver.Inactive");
        }

        if (!RoleMayApprove(approverRole))
        {
            throw new DomainException("Message.Approver.Role", approverRole ?? string.Empty);
        }

        if (approver.Rank < Rank.Director)
        {
            throw new DomainException("Message.Approver.RankTooLow");
        }

        if (!authorChain.Contains(approver.Id))
        {
            throw new DomainException("Message.Approver.NotInChain");
        }

        var notResponsible = targets.FirstOrDefault(t => !IsResponsibleFor(approver, t));
        if (notResponsible is not null)
        {
            throw new DomainException("Message.Approver.NotResponsible", notResponsible.Name);
        }
    }

    /// <summary>The group's administrator, or a person of director rank in the directorate the group belongs to.</summary>
    public static bool IsResponsibleFor(StaffMember approver, TargetGroup target) =>
        target.AdministratorId == approver.Id || (approver.DirectorateId == target.DirectorateId && approver.Rank >= Rank.Director);
}
