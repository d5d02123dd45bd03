namespace ElectionComms.Domain.Messages;

/// <summary>
/// What the message rules need to know about a group it goes to: whose it is (the directorate of its official
/// account, its administrator), whether it is a test group, whether the author may transmit to it (assigned
/// officer, §7, or an active transmit grant, §8) and whether as assigned officer (false: only through a grant).
/// </summary>
public sealed record TargetGroup(
    int GroupId, string Name, int DirectorateId, Guid AdministratorId, bool IsTestGroup, bool IsActive, bool AuthorMayTransmit, bool AuthorIsOfficer = true);
