using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Administration;

/// <summary>A voting centre, whose commission (KQV) is a third-level body of the electoral administration.</summary>
public sealed class VotingCentre
{
    public const int LocationMaxLength = 200;

    private VotingCentre()
    {
        Number = string.Empty;
        Location = string.Empty;
    }

    public int Id { get; private set; }

    /// <summary>Copied from the KZAZ so a number can be unique within one election.</summary>
    public int ElectionId { get; private set; }

    public int KzazId { get; private set; }

    public string Number { get; private set; }

    public string Location { get; private set; }

    public static VotingCentre Create(Kzaz kzaz, VotingCentreNumber number, string location)
    {
        return new VotingCentre
        {
            ElectionId = kzaz.ElectionId,
            KzazId = kzaz.Id,
            Number = number.Value,
            Location = Guard.Text(location, LocationMaxLength, "Kqv.LocationRequired", "Kqv.LocationTooLong"),
        };
    }
}
