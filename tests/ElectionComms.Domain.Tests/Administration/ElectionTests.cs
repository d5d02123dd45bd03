using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Tests.Administration;

public sealed class ElectionTests
{
    private static readonly DateOnly ElectionDay = new(2027, 5, 16);
    private static readonly DateTimeOffset DayBefore = new(2027, 5, 15, 23, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OnElectionDay = new(2027, 5, 16, 19, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset VerificationDone = new(2027, 6, 20, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_starts_a_planned_election()
    {
        var election = Local();

        Assert.Equal(ElectionState.Planned, election.State);
        Assert.Equal("Zgjedhjet për Organet e Qeverisjes Vendore 2027", election.Name);
        Assert.Equal(ElectionKind.Local, election.Kind);
        Assert.Equal(ElectionDay, election.ElectionDay);
        Assert.Null(election.VerificationCompletedAt);
    }

    [Fact]
    public void Plan_without_a_name_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Election.Plan("  ", ElectionKind.Local, ElectionDay));

        Assert.Equal("Election.NameRequired", error.Code);
    }

    [Fact]
    public void Plan_with_an_undefined_kind_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Election.Plan("Referendumi", (ElectionKind)0, ElectionDay));

        Assert.Equal("Election.UnknownKind", error.Code);
    }

    [Fact]
    public void Activate_Conclude_and_CompleteVerification_run_the_whole_life_cycle()
    {
        var election = Local();

        election.Activate();
        Assert.Equal(ElectionState.Active, election.State);

        election.Conclude(OnElectionDay);
        Assert.Equal(ElectionState.Concluded, election.State);

        election.CompleteVerification(VerificationDone);
        Assert.Equal(ElectionState.Verified, election.State);
        Assert.Equal(VerificationDone, election.VerificationCompletedAt);
    }

    [Fact]
    public void Conclude_before_election_day_is_refused()
    {
        var election = Local();
        election.Activate();

        var error = Assert.Throws<DomainException>(() => election.Conclude(DayBefore));

        Assert.Equal("Election.ConcludeBeforeElectionDay", error.Code);
        Assert.Equal(ElectionDay, error.Arguments[0]);
        Assert.Equal(ElectionState.Active, election.State);
    }

    [Fact]
    public void Activate_twice_is_refused()
    {
        var election = Local();
        election.Activate();

        AssertIllegal(election, e => e.Activate(), ElectionState.Active);
    }

    [Fact]
    public void Conclude_a_planned_election_is_refused() =>
        AssertIllegal(Local(), e => e.Conclude(OnElectionDay), ElectionState.Planned);

    [Fact]
    public void CompleteVerification_of_a_planned_election_is_refused() =>
        AssertIllegal(Local(), e => e.CompleteVerification(VerificationDone), ElectionState.Planned);

    [Fact]
    public void CompleteVerification_of_an_active_election_is_refused()
    {
        var election = Local();
        election.Activate();

        AssertIllegal(election, e => e.CompleteVerification(VerificationDone), ElectionState.Active);
        Assert.Null(election.VerificationCompletedAt);
    }

    [Fact]
    public void Activate_a_concluded_election_is_refused()
    {
        var election = Local();
        election.Activate();
        election.Conclude(OnElectionDay);

        AssertIllegal(election, e => e.Activate(), ElectionState.Concluded);
    }

    [Fact]
    public void No_transition_leaves_a_verified_election()
    {
        var election = Local();
        election.Activate();
        election.Conclude(OnElectionDay);
        election.CompleteVerification(VerificationDone);

        AssertIllegal(election, e => e.Activate(), ElectionState.Verified);
        AssertIllegal(election, e => e.Conclude(VerificationDone), ElectionState.Verified);
        AssertIllegal(election, e => e.CompleteVerification(VerificationDone.AddDays(1)), ElectionState.Verified);
        Assert.Equal(VerificationDone, election.VerificationCompletedAt);
    }

    private static Election Local() =>
        Election.Plan("Zgjedhjet për Organet e Qeverisjes Vendore 2027", ElectionKind.Local, ElectionDay);

    private static void AssertIllegal(Election election, Action<Election> transition, ElectionState unchanged)
    {
        var error = Assert.Throws<DomainException>(() => transition(election));

        Assert.Equal("Election.IllegalTransition", error.Code);
        Assert.Equal(unchanged, error.Arguments[0]);
        Assert.Equal(unchanged, election.State);
    }
}
