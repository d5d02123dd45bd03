namespace ElectionComms.Domain.Messages;

/// <summary>
/// Which reading of §7/§8 decides who approves a message, fixed when the author submits it (ADR 0017).
/// Stored by name, so the numbers never matter.
/// </summary>
public enum ApprovalRoute
{
    /// <summary>§7: the author relays as assigned officer; a superior in their chain who answers for every group decides.</summary>
    Chain = 0,

    /// <summary>§8: the author reaches a group only through a transmit grant; whoever answers for every group decides.</summary>
    Grant = 1,

    /// <summary>The author answers for every group themselves; a superior in their chain of director rank decides.</summary>
    Superior = 2,
}

/// <summary>Someone who might decide: the staff record and the role their account holds (roles live outside the domain).</summary>
public sealed record ApproverCandidate(Organisation.StaffMember Member, string? Role);
