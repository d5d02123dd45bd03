using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Tests.Organisation;

public sealed class StaffMemberRepositionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private readonly StaffMember secretary = Person("Arben", Rank.SecretaryGeneral);
    private readonly StaffMember director = Person("Ermira", Rank.Director);
    private readonly StaffMember otherDirector = Person("Besnik", Rank.Director);
    private readonly StaffMember head = Person("Klea", Rank.HeadOfSector);
    private readonly StaffMember specialist = Person("Sokol", Rank.Specialist);

    public StaffMemberRepositionTests()
    {
        director.ReportTo(secretary, Everyone);
        otherDirector.ReportTo(secretary, Everyone);
        head.ReportTo(director, Everyone);
        specialist.ReportTo(head, Everyone);
    }

    private Dictionary<Guid, StaffMember> Everyone =>
        new[] { secretary, director, otherDirector, head, specialist }.ToDictionary(s => s.Id);

    [Fact]
    public void Promotion_together_with_a_move_under_a_higher_superior_is_accepted()
    {
        specialist.Reposition(Rank.HeadOfSector, otherDirector, Everyone);

        Assert.Equal(Rank.HeadOfSector, specialist.Rank);
        Assert.Equal(otherDirector.Id, specialist.SuperiorId);
    }

    [Fact]
    public void Demotion_below_the_new_superior_is_accepted_although_the_old_rank_equals_theirs()
    {
        otherDirector.Reposition(Rank.HeadOfSector, director, Everyone);

        Assert.Equal(Rank.HeadOfSector, otherDirector.Rank);
        Assert.Equal(director.Id, otherDirector.SuperiorId);
    }

    [Fact]
    public void Promotion_to_secretary_general_drops_the_superior_in_the_same_step()
    {
        otherDirector.Reposition(Rank.SecretaryGeneral, null, Everyone);

        Assert.Equal(Rank.SecretaryGeneral, otherDirector.Rank);
        Assert.Null(otherDirector.SuperiorId);
    }

    [Fact]
    public void Superior_of_equal_rank_is_refused_and_nothing_changes()
    {
        var error = Assert.Throws<DomainException>(() => head.Reposition(Rank.Director, otherDirector, Everyone));

        Assert.Equal("Staff.SuperiorRankTooLow", error.Code);
        Assert.Equal(Rank.HeadOfSector, head.Rank);
        Assert.Equal(director.Id, head.SuperiorId);
    }

    [Fact]
    public void Demotion_to_the_rank_of_a_direct_report_is_refused_and_the_superior_is_kept()
    {
        var error = Assert.Throws<DomainException>(() => head.Reposition(Rank.Specialist, null, Everyone));

        Assert.Equal("Staff.RankNotAboveReport", error.Code);
        Assert.Equal(Rank.HeadOfSector, head.Rank);
        Assert.Equal(director.Id, head.SuperiorId);
    }

    [Fact]
    public void Moving_under_an_inactive_superior_is_refused()
    {
        otherDirector.Deactivate(activeDirectReports: 0, Now);

        var error = Assert.Throws<DomainException>(() => head.Reposition(Rank.HeadOfSector, otherDirector, Everyone));

        Assert.Equal("Staff.SuperiorInactive", error.Code);
        Assert.Equal(director.Id, head.SuperiorId);
    }

    private static StaffMember Person(string name, Rank rank) =>
        StaffMember.Create(Guid.NewGuid(), name, name.ToLowerInvariant() + "@kqz.gov.al", null, rank, directorateId: 1, Now);
}
