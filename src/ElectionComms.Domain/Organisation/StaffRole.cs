using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Organisation;

/// <summary>What an account may do in the portal. One role per account keeps every screen's audience obvious.</summary>
public static class StaffRole
{
    public const string SecretaryGeneral = "SecretaryGeneral";
    public const string Director = "Director";
    public const string CommunicationOfficer = "CommunicationOfficer";
    public const string Clerk = "Clerk";
    public const string HelplineOperator = "HelplineOperator";
    public const string SystemAdministrator = "SystemAdministrator";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All =
    [
        SecretaryGeneral, Director, CommunicationOfficer, Clerk, HelplineOperator, SystemAdministrator, Auditor,
    ];

    /// <summary>Roles that can change who may publish or administer: they must sign in with a second factor.</summary>
    public static bool RequiresTwoFactor(string role) =>
        role is SecretaryGeneral or Director or SystemAdministrator;

    public static bool IsKnown(string role) => All.Contains(role);

    /// <summary>The lowest rank that may hold a role (§7 asks that group administrators are of director rank).</summary>
    public static Rank MinimumRank(string role) => role switch
    {
        SecretaryGeneral => Rank.SecretaryGeneral,
        Director => Rank.Director,
        _ => Rank.Specialist,
    };

    public static void EnsureFits(string role, Rank rank)
    {
        if (!IsKnown(role))
        {
            throw new DomainException("Staff.UnknownRole", role);
        }

        if (rank < MinimumRank(role))
        {
            throw new DomainException("Staff.RankTooLowForRole", role, MinimumRank(role));
        }
    }
}
