using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Organisation;

/// <summary>A directorate (drejtori) or office of the KQZ administration.</summary>
public sealed class Directorate
{
    public const int CodeMaxLength = 16;
    public const int NameMaxLength = 200;

    /// <summary>The Directorate of Logistics and Digitalisation grants transmit access (§8).</summary>
    public const string LogisticsAndDigitalisationCode = "DLD";

    /// <summary>The Secretary General's office coordinates account creation (§5a).</summary>
    public const string SecretaryGeneralOfficeCode = "SP";

    private Directorate()
    {
        Code = string.Empty;
        NameSq = string.Empty;
        NameEn = string.Empty;
    }

    public int Id { get; private set; }

    public string Code { get; private set; }

    public string NameSq { get; private set; }

    public string NameEn { get; private set; }

    /// <summary>Works with the electoral administration and may therefore administer groups (§5a, §5b).</summary>
    public bool WorksWithElectionAdministration { get; private set; }

    public bool IsActive { get; private set; }

    public static Directorate Create(string code, string nameSq, string nameEn, bool worksWithElectionAdministration)
    {
        return new Directorate
        {
            Code = Guard.Text(code, CodeMaxLength, "Directorate.CodeRequired", "Directorate.CodeTooLong").ToUpperInvariant(),
            NameSq = Guard.Text(nameSq, NameMaxLength, "Directorate.NameRequired", "Directorate.NameTooLong"),
            NameEn = Guard.Text(nameEn, NameMaxLength, "Directorate.NameRequired", "Directorate.NameTooLong"),
            WorksWithElectionAdministration = worksWithElectionAdministration,
            IsActive = true,
        };
    }

    public string Name(bool english) => english ? NameEn : NameSq;
}
