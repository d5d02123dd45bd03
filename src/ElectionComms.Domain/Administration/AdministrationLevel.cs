namespace ElectionComms.Domain.Administration;

/// <summary>The levels of the electoral administration that groups are dedicated to (§6).</summary>
public enum AdministrationLevel
{
    /// <summary>Zone commissions, second level.</summary>
    Kzaz = 1,

    /// <summary>Voting-centre commissions, third level.</summary>
    Kqv = 2,

    /// <summary>Vote-counting groups, third level.</summary>
    Gnv = 3,

    /// <summary>Technical staff contracted for election services.</summary>
    TechnicalStaff = 4,
}
