using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Administration;

/// <summary>Where a KZAZ counts its votes; its counting groups (GNV) work there.</summary>
public sealed class CountingCentre
{
    public const int NameMaxLength = 200;

    private CountingCentre()
    {
        Name = string.Empty;
    }

    public int Id { get; private set; }

    public int ElectionId { get; private set; }

    public int KzazId { get; private set; }

    public string Name { get; private set; }

    public static CountingCentre Create(Kzaz kzaz, string name) => new()
    {
        ElectionId = kzaz.ElectionId,
        KzazId = kzaz.Id,
        Name = Guard.Text(name, NameMaxLength, "CountingCentre.NameRequired", "CountingCentre.NameTooLong"),
    };
}

/// <summary>A vote-counting group (GNV), numbered within its counting centre.</summary>
public sealed class CountingGroup
{
    public const int MaxNumber = 99;

    private CountingGroup()
    {
    }

    public int Id { get; private set; }

    public int ElectionId { get; private set; }

    public int KzazId { get; private set; }

    public int CountingCentreId { get; private set; }

    public int Number { get; private set; }

    public static CountingGroup Create(CountingCentre centre, int number)
    {
        if (number is < 1 or > MaxNumber)
        {
            throw new DomainException("Gnv.NumberOutOfRange", number, 1, MaxNumber);
        }

        return new CountingGroup
        {
            ElectionId = centre.ElectionId,
            KzazId = centre.KzazId,
            CountingCentreId = centre.Id,
            Number = number,
        };
    }
}
