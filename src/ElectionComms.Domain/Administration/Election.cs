using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Administration;

public enum ElectionKind
{
    Parliamentary = 1,
    Local = 2,
    PartialLocal = 3,
    Referendum = 4,
}

/// <summary>Planned → Active → Concluded → Verified. Data may be deleted only once Verified (§14).</summary>
public enum ElectionState
{
    Planned = 1,
    Active = 2,
    Concluded = 3,
    Verified = 4,
}

public sealed class Election
{
    public const int NameMaxLength = 200;

    private Election()
    {
        Name = string.Empty;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public ElectionKind Kind { get; private set; }

    public DateOnly ElectionDay { get; private set; }

    public ElectionState State { get; private set; }

    /// <summary>When the post-election verification was completed; starts the §14 deletion.</summary>
    public DateTimeOffset? VerificationCompletedAt { get; private set; }

    public static Election Plan(string name, ElectionKind kind, DateOnly electionDay)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Election.UnknownKind");
        }

        return new Election
        {
            Name = Guard.Text(name, NameMaxLength, "Election.NameRequired", "Election.NameTooLong"),
            Kind = kind,
            ElectionDay = electionDay,
            State = ElectionState.Planned,
        };
    }

    public void Activate()
    {
        Require(ElectionState.Planned);
        State = ElectionState.Active;
    }

    public void Conclude(DateTimeOffset now)
    {
        Require(ElectionState.Active);
        if (DateOnly.FromDateTime(now.UtcDateTime) < ElectionDay)
        {
            throw new DomainException("Election.ConcludeBeforeElectionDay", ElectionDay);
        }

        State = ElectionState.Concluded;
    }

    public void CompleteVerification(DateTimeOffset now)
    {
        Require(ElectionState.Concluded);
        State = ElectionState.Verified;
        VerificationCompletedAt = now;
    }

    private void Require(ElectionState expected)
    {
        if (State != expected)
        {
            throw new DomainException("Election.IllegalTransition", State, expected);
        }
    }
}
