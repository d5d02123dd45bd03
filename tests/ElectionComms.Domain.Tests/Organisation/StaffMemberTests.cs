using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Tests.Organisation;

public sealed class StaffMemberTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReportTo_an_active_higher_ranked_superior_sets_the_reporting_line()
    {
        var director = Person("Besnik Leka", Rank.Director);
        var clerk = Person("Ilir Shehu", Rank.Specialist);

        clerk.ReportTo(director, Staff(director, clerk));

        Assert.Equal(director.Id, clerk.SuperiorId);
    }

    [Fact]
    public void ReportTo_nobody_clears_the_reporting_line()
    {
        var director = Person("Besnik Leka", Rank.Director);
        var clerk = Person("Ilir Shehu", Rank.Specialist);
        clerk.ReportTo(director, Staff(director, clerk));

        clerk.ReportTo(null, Staff(director, clerk));

        Assert.Null(clerk.SuperiorId);
    }

    [Fact]
    public void ReportTo_self_is_refused()
    {
        var director = Person("Besnik Leka", Rank.Director);

        var error = Assert.Throws<DomainException>(() => director.ReportTo(director, Staff(director)));

        Assert.Equal("Staff.SuperiorIsSelf", error.Code);
        Assert.Null(director.SuperiorId);
    }

    [Fact]
    public void ReportTo_an_inactive_superior_is_refused()
    {
        var director = Person("Besnik Leka", Rank.Director);
        director.Deactivate(activeDirectReports: 0, Now);
        var clerk = Person("Ilir Shehu", Rank.Specialist);

        var error = Assert.Throws<DomainException>(() => clerk.ReportTo(director, Staff(director, clerk)));

        Assert.Equal("Staff.SuperiorInactive", error.Code);
        Assert.Null(clerk.SuperiorId);
    }

    [Theory]
    [InlineData(Rank.Director, Rank.Director)]
    [InlineData(Rank.HeadOfSector, Rank.HeadOfSector)]
    [InlineData(Rank.Specialist, Rank.HeadOfSector)]
    [InlineData(Rank.HeadOfSector, Rank.Director)]
    public void ReportTo_a_superior_of_equal_or_lower_rank_is_refused(Rank superiorRank, Rank ownRank)
    {
        var superior = Person("Teuta Marku", superiorRank);
        var member = Person("Sokol Tafaj", ownRank);

        var error = Assert.Throws<DomainException>(() => member.ReportTo(superior, Staff(superior, member)));

        Assert.Equal("Staff.SuperiorRankTooLow", error.Code);
        Assert.Null(member.SuperiorId);
    }

    [Fact]
    public void ReportTo_someone_for_the_Secretary_General_is_refused()
    {
        var secretaryGeneral = Person("Arben Përmeti", Rank.SecretaryGeneral);
        var director = Person("Ermira Çela", Rank.Director);

        var error = Assert.Throws<DomainException>(() => secretaryGeneral.ReportTo(director, Staff(secretaryGeneral, director)));

        Assert.Equal("Staff.SecretaryGeneralHasNoSuperior", error.Code);
        Assert.Null(secretaryGeneral.SuperiorId);
    }

    // Ranks alone cannot rule out a loop: ranks change over time. Here a head of sector is away (inactive) while
    // her director is demoted below her; she cannot come back under him, so the loop can never be closed.
    [Fact]
    public void Reactivation_under_a_superior_demoted_meanwhile_is_refused_so_no_cycle_of_two_can_form()
    {
        var head = Person("Drita Gjoka", Rank.HeadOfSector);
        var director = Person("Agron Dibra", Rank.Director);
        var staff = Staff(head, director);
        head.ReportTo(director, staff);
        head.Deactivate(activeDirectReports: 0, Now);
        director.ChangeRank(Rank.Specialist, superior: null, directReports: [head]);

        var error = Assert.Throws<DomainException>(() => head.Reactivate(director));

        Assert.Equal("Staff.SuperiorRankTooLow", error.Code);
        Assert.False(head.IsActive);
    }

    [Fact]
    public void Reactivation_under_a_superior_moved_down_meanwhile_is_refused_so_no_cycle_of_three_can_form()
    {
        var head = Person("Drita Gjoka", Rank.HeadOfSector);
        var director = Person("Agron Dibra", Rank.Director);
        var top = Person("Arben Përmeti", Rank.SecretaryGeneral);
        var staff = Staff(head, director, top);
        director.ReportTo(top, staff);
        head.ReportTo(director, staff);

        // While both are away, the person at the top is moved to a specialist post.
        head.Deactivate(activeDirectReports: 0, Now);
        director.Deactivate(activeDirectReports: 0, Now);
        top.ChangeRank(Rank.Specialist, superior: null, directReports: [director]);

        var error = Assert.Throws<DomainException>(() => director.Reactivate(top));

        Assert.Equal("Staff.SuperiorRankTooLow", error.Code);
        Assert.False(director.IsActive);
    }

    [Fact]
    public void ChangeRank_within_the_reporting_line_is_accepted()
    {
        var director = Person("Besnik Leka", Rank.Director);
        var clerk = Person("Ilir Shehu", Rank.Specialist);
        clerk.ReportTo(director, Staff(director, clerk));

        clerk.ChangeRank(Rank.HeadOfSector, director, []);

        Assert.Equal(Rank.HeadOfSector, clerk.Rank);
    }

    [Theory]
    [InlineData(Rank.HeadOfSector)]
    [InlineData(Rank.Specialist)]
    public void ChangeRank_to_or_below_a_direct_reports_rank_is_refused(Rank newRank)
    {
        var director = Person("Besnik Leka", Rank.Director);
        var head = Person("Drita Gjoka", Rank.HeadOfSector);

        var error = Assert.Throws<DomainException>(() => director.ChangeRank(newRank, superior: null, directReports: [head]));

        Assert.Equal("Staff.RankNotAboveReport", error.Code);
        Assert.Equal(Rank.Director, director.Rank);
    }

    [Fact]
    public void ChangeRank_ignores_reports_who_are_no_longer_active()
    {
        var director = Person("Besnik Leka", Rank.Director);
        var head = Person("Drita Gjoka", Rank.HeadOfSector);
        head.Deactivate(activeDirectReports: 0, Now);

        director.ChangeRank(Rank.HeadOfSector, superior: null, directReports: [head]);

        Assert.Equal(Rank.HeadOfSector, director.Rank);
    }

    [Theory]
    [InlineData(Rank.Director)]
    [InlineData(Rank.SecretaryGeneral)]
    public void ChangeRank_to_or_above_the_superiors_rank_is_refused(Rank newRank)
    {
        var director = Person("Besnik Leka", Rank.Director);
        var head = Person("Drita Gjoka", Rank.HeadOfSector);
        head.ReportTo(director, Staff(director, head));

        var error = Assert.Throws<DomainException>(() => head.ChangeRank(newRank, director, []));

        Assert.Equal("Staff.SuperiorRankTooLow", error.Code);
        Assert.Equal(Rank.HeadOfSector, head.Rank);
    }

    [Fact]
    public void ChangeRank_to_Secretary_General_while_reporting_to_someone_is_refused()
    {
        var director = Person("Besnik Leka", Rank.Director);
        var secretaryGeneral = Person("Arben Përmeti", Rank.SecretaryGeneral);
        director.ReportTo(secretaryGeneral, Staff(director, secretaryGeneral));

        var error = Assert.Throws<DomainException>(() => director.ChangeRank(Rank.SecretaryGeneral, superior: null, directReports: []));

        Assert.Equal("Staff.SecretaryGeneralHasNoSuperior", error.Code);
    }

    [Fact]
    public void ChangeRank_to_an_undefined_rank_is_refused()
    {
        var clerk = Person("Ilir Shehu", Rank.Specialist);

        var error = Assert.Throws<DomainException>(() => clerk.ChangeRank((Rank)99, superior: null, directReports: []));

        Assert.Equal("Staff.UnknownRank", error.Code);
    }

    [Fact]
    public void Deactivate_with_active_reports_is_refused()
    {
        var director = Person("Besnik Leka", Rank.Director);

        var error = Assert.Throws<DomainException>(() => director.Deactivate(activeDirectReports: 2, Now));

        Assert.Equal("Staff.HasActiveReports", error.Code);
        Assert.Equal(2, error.Arguments[0]);
        Assert.True(director.IsActive);
        Assert.Null(director.DeactivatedAt);
    }

    [Fact]
    public void Deactivate_without_reports_ends_the_account_and_records_when()
    {
        var clerk = Person("Ilir Shehu", Rank.Specialist);

        clerk.Deactivate(activeDirectReports: 0, Now);

        Assert.False(clerk.IsActive);
        Assert.Equal(Now, clerk.DeactivatedAt);
    }

    [Fact]
    public void Deactivate_twice_is_refused()
    {
        var clerk = Person("Ilir Shehu", Rank.Specialist);
        clerk.Deactivate(activeDirectReports: 0, Now);

        var error = Assert.Throws<DomainException>(() => clerk.Deactivate(activeDirectReports: 0, Now));

        Assert.Equal("Staff.AlreadyInactive", error.Code);
    }

    [Fact]
    public void Create_lower_cases_the_email_and_trims_the_name()
    {
        var member = StaffMember.Create(Guid.NewGuid(), "  Ëngjëllushe Kërçiku ", "E.Kercku@KQZ.gov.al", null, Rank.Specialist, 3, Now);

        Assert.Equal("Ëngjëllushe Kërçiku", member.FullName);
        Assert.Equal("e.kercku@kqz.gov.al", member.Email);
        Assert.True(member.IsActive);
    }

    [Fact]
    public void Create_without_a_directorate_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            StaffMember.Create(Guid.NewGuid(), "Ilir Shehu", "ilir@kqz.gov.al", null, Rank.Specialist, 0, Now));

        Assert.Equal("Staff.DirectorateRequired", error.Code);
    }

    private static StaffMember Person(string name, Rank rank)
    {
        var email = name.Replace(' ', '.').ToLowerInvariant() + "@kqz.gov.al";
        return StaffMember.Create(Guid.NewGuid(), name, email, null, rank, directorateId: 3, Now);
    }

    private static Dictionary<Guid, StaffMember> Staff(params StaffMember[] people) => people.ToDictionary(p => p.Id);
}
