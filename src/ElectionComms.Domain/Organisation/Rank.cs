namespace ElectionComms.Domain.Organisation;

/// <summary>Civil-service rank inside the KQZ. Values are ordered: a higher value outranks a lower one.</summary>
public enum Rank
{
    Specialist = 1,
    HeadOfSector = 2,
    Director = 3,
    SecretaryGeneral = 4,
}
