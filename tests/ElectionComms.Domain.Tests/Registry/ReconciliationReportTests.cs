using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Registry;

namespace ElectionComms.Domain.Tests.Registry;

public sealed class ReconciliationReportTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly GroupScope Kzaz7 = new(ScopeKind.Kzaz, 7);

    private static readonly RegistryCandidate Eligible = Candidate(1, "Ëngjëll Çela", "+355691000001", 7);
    private static readonly RegistryCandidate OtherZone = Candidate(2, "Ilir Leka", "+355691000002", 8);
    private static readonly RegistryCandidate Ended = Candidate(3, "Drita Marku", "+355691000003", 7) with { Status = PersonStatus.Ended };
    private static readonly RegistryCandidate Expired = Candidate(4, "Arben Sula", "+355691000004", 7) with { MandateTo = Today.AddDays(-1) };

    private static RegistryCandidate Candidate(int id, string name, string phone, int kzaz) =>
        new(id, name, phone, AdministrationLevel.Gnv, new UnitLocation(100 + id, kzaz, 30, 4), PersonStatus.Active, new DateOnly(2026, 1, 1), null);

    private static ReconciliationReport Build(params ObservedMember[] observed)
    {
        var all = new[] { Eligible, OtherZone, Ended, Expired };
        return ReconciliationReport.Build(
            observed,
            phone => all.FirstOrDefault(c => c.Phone == phone),
            name => all.Where(c => NameFolding.Fold(c.FullName) == name).ToList(),
            AdministrationLevel.Gnv,
            Kzaz7,
            Today);
    }

    [Fact]
    public void Each_member_lands_in_one_of_the_four_lists()
    {
        var report = Build(
            new("+355691000001", "+355691000001", null),
            new("+355699999999", "+355699999999", "Stranger"),
            new("+355691000002", "+355691000002", null),
            new("+355691000003", "+355691000003", null),
            new("+355691000004", "+355691000004", null));

        Assert.Equal(
            [ReconciliationCategory.Eligible, ReconciliationCategory.NotInRegistry, ReconciliationCategory.NotEligible, ReconciliationCategory.MandateEnded, ReconciliationCategory.MandateEnded],
            report.Lines.Select(l => l.Category));
        Assert.Equal([false, true, true, true, true], report.Lines.Select(l => l.MustBeRemoved));
        Assert.Equal(1, report.Lines[0].PersonId);
    }

    [Fact]
    public void Names_only_row_matches_without_case_or_diacritics_and_is_flagged_as_weaker()
    {
        var line = Assert.Single(Build(new ObservedMember(null, null, "  engjell   CELA ")).Lines);
        Assert.Equal(ReconciliationCategory.Eligible, line.Category);
        Assert.Equal(MatchKind.Name, line.Match);
        Assert.Equal(1, line.PersonId);
    }

    [Fact]
    public void Duplicate_numbers_count_once_with_their_occurrences()
    {
        var report = Build(new("+355691000001", "069 100 0001", null), new("+355691000001", "+355 69 100 0001", "Ëngjëll"));
        var line = Assert.Single(report.Lines);
        Assert.Equal(2, line.Occurrences);
        Assert.Equal(2, report.ObservedRows);
        Assert.Equal(1, report.DuplicateRows);
    }

    [Fact]
    public void Unparseable_number_is_not_matched_by_its_name()
    {
        var line = Assert.Single(Build(new ObservedMember(null, "12ab", "Ëngjëll Çela")).Lines);
        Assert.Equal(ReconciliationCategory.NotInRegistry, line.Category);
        Assert.Equal("12ab", line.Phone);
    }

    [Fact]
    public void Recorded_run_keeps_every_line_and_only_non_members_can_be_marked_removed()
    {
        var run = ReconciliationRun.Record(5, "anetaret.csv", Build(new("+355691000001", null, null), new("+355699999999", null, null)), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var eligible = run.Entries.Single(e => e.Category == ReconciliationCategory.Eligible);
        var stranger = run.Entries.Single(e => e.Category == ReconciliationCategory.NotInRegistry);

        Assert.Equal("Reconciliation.NotOnRemovalList", Assert.Throws<DomainException>(() => eligible.MarkRemoved(Guid.NewGuid(), DateTimeOffset.UtcNow)).Code);
        stranger.MarkRemoved(Guid.NewGuid(), DateTimeOffset.UtcNow);
        Assert.NotNull(stranger.RemovedAt);
        Assert.Equal("Reconciliation.AlreadyRemoved", Assert.Throws<DomainException>(() => stranger.MarkRemoved(Guid.NewGuid(), DateTimeOffset.UtcNow)).Code);
    }

    [Fact]
    public void Empty_report_cannot_be_recorded() =>
        Assert.Equal("Reconciliation.NoMembers", Assert.Throws<DomainException>(() =>
            ReconciliationRun.Record(5, "bosh.csv", Build(), Guid.NewGuid(), DateTimeOffset.UtcNow)).Code);
}
