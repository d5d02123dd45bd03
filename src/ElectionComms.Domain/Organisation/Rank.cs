namespace ElectionComms.Domain.Organisation;

/// <summary>Civil-service rank inside the KQZ. Values are ordered: a higher value outranks a lower one.</summary>
public enum Rank
{
    Specialist = 1,
    HeadOfSector = 2,
    Director = 3,
    SecretaryGeneral = 4,
}

/// <summary>The one definition of "director rank or above" (§7: group administrators and approvers).</summary>
public static class Ranks
{
    public static bool AtLeastDirector(this Rank rank) => rank >= Rank.Director;

    /// <summary>
    /// The same ranks as a list, for queries: the database stores rank names, which do not sort by rank, so a query
    /// asks for one of these instead of comparing (the view group_inventory and the groups_administrator_rank
    /// trigger spell the list in SQL; RulesAgreeTests checks them against this).
    /// </summary>
    public static readonly Rank[] DirectorOrAbove = [.. Enum.GetValues<Rank>().Where(AtLeastDirector)];
}
