using ElectionComms.Domain.Organisation;

namespace ElectionComms.Web.Data.Seed;

/// <summary>
/// Data every installation has, written by migrations (HasData) rather than at start-up, so production gets it
/// through the same reviewed path as the schema.
/// </summary>
internal static class ReferenceData
{
    public static readonly IReadOnlyList<(int Id, string Code, string NameSq, string NameEn, bool WorksWithAdministration)> Directorates =
    [
        (1, Directorate.SecretaryGeneralOfficeCode, "Zyra e Sekretarit të Përgjithshëm", "Office of the Secretary General", true),
        (2, Directorate.LogisticsAndDigitalisationCode, "Drejtoria e Logjistikës dhe Digjitalizimit", "Directorate of Logistics and Digitalisation", true),
        (3, "DAZ", "Drejtoria e Administratës Zgjedhore", "Directorate of Electoral Administration", true),
        (4, "DTE", "Drejtoria e Trajnimit dhe Edukimit Zgjedhor", "Directorate of Training and Voter Education", true),
        (5, "DKS", "Drejtoria e Komunikimit dhe Shtypit", "Directorate of Communication and Press", true),
        (6, "DJ", "Drejtoria Juridike", "Legal Directorate", false),
    ];

    /// <summary>Fixed ids so that the roles are the same rows in every database.</summary>
    public static readonly IReadOnlyDictionary<string, Guid> RoleIds = new Dictionary<string, Guid>
    {
        [StaffRole.SecretaryGeneral] = new("4b2f7a10-0001-4c6e-9a53-253000000001"),
        [StaffRole.Director] = new("4b2f7a10-0002-4c6e-9a53-253000000002"),
        [StaffRole.CommunicationOfficer] = new("4b2f7a10-0003-4c6e-9a53-253000000003"),
        [StaffRole.Clerk] = new("4b2f7a10-0004-4c6e-9a53-253000000004"),
        [StaffRole.HelplineOperator] = new("4b2f7a10-0005-4c6e-9a53-253000000005"),
        [StaffRole.SystemAdministrator] = new("4b2f7a10-0006-4c6e-9a53-253000000006"),
        [StaffRole.Auditor] = new("4b2f7a10-0007-4c6e-9a53-253000000007"),
    };
}
