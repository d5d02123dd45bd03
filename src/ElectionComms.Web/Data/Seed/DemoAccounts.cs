using ElectionComms.Domain.Organisation;

namespace ElectionComms.Web.Data.Seed;

public sealed record DemoAccount(
    string Email, string FullName, string Role, Rank Rank, string DirectorateCode, string? SuperiorEmail, string? TotpSecret);

/// <summary>
/// One account per role for the demo and the tests. The TOTP secrets are published in the README for
/// Development only; production accounts get random secrets when their owner sets up an authenticator.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Demo-KQZ-2026!";

    public static readonly DemoAccount SecretaryGeneral = new(
        "sekretari@kqz.gov.al", "Arben Përmeti", StaffRole.SecretaryGeneral, Rank.SecretaryGeneral, "SP", null, "KQZDEMOSEKRETARIPERGJITH");

    public static readonly DemoAccount LogisticsDirector = new(
        "drejtor.dld@kqz.gov.al", "Ermira Çela", StaffRole.Director, Rank.Director, "DLD", SecretaryGeneral.Email, "KQZDEMODREJTORLOGJISTIKA");

    public static readonly DemoAccount AdministrationDirector = new(
        "drejtor.daz@kqz.gov.al", "Besnik Leka", StaffRole.Director, Rank.Director, "DAZ", SecretaryGeneral.Email, "KQZDEMODREJTORADMINZGJED");

    public static readonly DemoAccount CommunicationOfficer = new(
        "oficer.komunikimi@kqz.gov.al", "Teuta Marku", StaffRole.CommunicationOfficer, Rank.Specialist, "DAZ", AdministrationDirector.Email, null);

    public static readonly DemoAccount Clerk = new(
        "nepunes.regjistri@kqz.gov.al", "Ilir Shehu", StaffRole.Clerk, Rank.Specialist, "DAZ", AdministrationDirector.Email, null);

    public static readonly DemoAccount HelplineOperator = new(
        "operator.linja@kqz.gov.al", "Sokol Tafaj", StaffRole.HelplineOperator, Rank.Specialist, "DLD", LogisticsDirector.Email, null);

    public static readonly DemoAccount SystemAdministrator = new(
        "administrator@kqz.gov.al", "Klea Ndreu", StaffRole.SystemAdministrator, Rank.HeadOfSector, "DLD", LogisticsDirector.Email, "KQZDEMOADMINISTRATORSIST");

    public static readonly DemoAccount Auditor = new(
        "auditor@kqz.gov.al", "Petrit Sula", StaffRole.Auditor, Rank.Specialist, "SP", SecretaryGeneral.Email, null);

    /// <summary>In creation order: a superior always comes before the people who report to them.</summary>
    public static readonly IReadOnlyList<DemoAccount> All =
    [
        SecretaryGeneral, LogisticsDirector, AdministrationDirector, CommunicationOfficer, Clerk, HelplineOperator,
        SystemAdministrator, Auditor,
    ];
}
