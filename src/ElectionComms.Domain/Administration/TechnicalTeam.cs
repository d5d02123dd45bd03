using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Administration;

/// <summary>
/// A team of technical staff contracted for election services (e.g. ballot-counting operators), attached to a
/// KZAZ or, when <see cref="KzazId"/> is null, working nationally.
/// </summary>
public sealed class TechnicalTeam
{
    public const int NameMaxLength = 200;

    private TechnicalTeam()
    {
        Name = string.Empty;
    }

    public int Id { get; private set; }

    public int ElectionId { get; private set; }

    public int? KzazId { get; private set; }

    public string Name { get; private set; }

    public static TechnicalTeam Create(int electionId, Kzaz? kzaz, string name) => new()
    {
        ElectionId = electionId,
        KzazId = kzaz?.Id,
        Name = Guard.Text(name, NameMaxLength, "TechnicalTeam.NameRequired", "TechnicalTeam.NameTooLong"),
    };
}
