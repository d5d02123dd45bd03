using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Administration;

/// <summary>A zone commission (KZAZ), numbered 1–92 within an election.</summary>
public sealed class Kzaz
{
    public const int MinNumber = 1;
    public const int MaxNumber = 92;
    public const int SeatMaxLength = 200;

    private Kzaz()
    {
        Seat = string.Empty;
    }

    public int Id { get; private set; }

    public int ElectionId { get; private set; }

    public int Number { get; private set; }

    public int MunicipalityId { get; private set; }

    /// <summary>Where the commission sits, e.g. the municipality hall's address.</summary>
    public string Seat { get; private set; }

    public static Kzaz Create(int electionId, int number, int municipalityId, string seat)
    {
        if (number is < MinNumber or > MaxNumber)
        {
            throw new DomainException("Kzaz.NumberOutOfRange", number, MinNumber, MaxNumber);
        }

        return new Kzaz
        {
            ElectionId = electionId,
            Number = number,
            MunicipalityId = municipalityId,
            Seat = Guard.Text(seat, SeatMaxLength, "Kzaz.SeatRequired", "Kzaz.SeatTooLong"),
        };
    }
}
