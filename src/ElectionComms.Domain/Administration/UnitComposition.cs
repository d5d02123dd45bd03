namespace ElectionComms.Domain.Administration;

/// <summary>
/// How many people one unit of each level brings into a group, used to estimate a group's expected members from
/// its scope (§6) and compare them with the platform's capacity. The registry issue will replace these estimates
/// with the people actually registered per unit.
/// </summary>
public static class UnitComposition
{
    /// <summary>Members of a zone commission.</summary>
    public const int KzazMembers = 7;

    /// <summary>Members of a voting-centre commission.</summary>
    public const int KqvMembers = 7;

    /// <summary>Members of a vote-counting group.</summary>
    public const int GnvMembers = 4;

    /// <summary>People in one technical team.</summary>
    public const int TechnicalTeamMembers = 10;

    public static int MembersPerUnit(AdministrationLevel level) => level switch
    {
        AdministrationLevel.Kzaz => KzazMembers,
        AdministrationLevel.Kqv => KqvMembers,
        AdministrationLevel.Gnv => GnvMembers,
        AdministrationLevel.TechnicalStaff => TechnicalTeamMembers,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown administration level"),
    };
}
