using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Registry;

namespace ElectionComms.Domain.Tests.Registry;

public sealed class EligibilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    // Voting centre 501 of KZAZ 7, in municipality 30 of qark 4.
    private static readonly UnitLocation Centre = new(501, 7, 30, 4);

    private static Person KqvMember(DateOnly? mandateTo = null) =>
        Person.Register(1, "Ana Hoxha", "+355691234567", UnitRole.Member, AdministrationLevel.Kqv, Centre.UnitId, new DateOnly(2026, 1, 1), mandateTo);

    [Theory]
    [InlineData(ScopeKind.National, null, true)]
    [InlineData(ScopeKind.Qark, 4, true)]
    [InlineData(ScopeKind.Qark, 5, false)]
    [InlineData(ScopeKind.Municipality, 30, true)]
    [InlineData(ScopeKind.Municipality, 31, false)]
    [InlineData(ScopeKind.Kzaz, 7, true)]
    [InlineData(ScopeKind.Kzaz, 8, false)]
    [InlineData(ScopeKind.Unit, 501, true)]
    [InlineData(ScopeKind.Unit, 502, false)]
    public void Kqv_member_is_eligible_only_inside_the_groups_scope(ScopeKind kind, int? target, bool expected) =>
        Assert.Equal(expected, Eligibility.IsEligible(KqvMember(), Centre, AdministrationLevel.Kqv, new GroupScope(kind, target), Today));

    [Fact]
    public void Person_of_another_level_is_not_eligible_even_in_a_national_group() =>
        Assert.False(Eligibility.IsEligible(KqvMember(), Centre, AdministrationLevel.Gnv, GroupScope.National, Today));

    [Fact]
    public void Ended_person_is_not_eligible()
    {
        var person = KqvMember();
        person.End("Dorëhequr", DateTimeOffset.UtcNow);
        Assert.False(Eligibility.IsEligible(person, Centre, AdministrationLevel.Kqv, GroupScope.National, Today));
    }

    [Fact]
    public void Mandate_that_ended_yesterday_is_not_eligible_but_one_ending_today_is()
    {
        Assert.False(Eligibility.IsEligible(KqvMember(Today.AddDays(-1)), Centre, AdministrationLevel.Kqv, GroupScope.National, Today));
        Assert.True(Eligibility.IsEligible(KqvMember(Today), Centre, AdministrationLevel.Kqv, GroupScope.National, Today));
    }

    [Fact]
    public void A_kzaz_lies_in_itself_for_unit_and_area_scopes()
    {
        var kzaz = new UnitLocation(7, 7, 30, 4);
        Assert.True(Eligibility.Covers(AdministrationLevel.Kzaz, new GroupScope(ScopeKind.Unit, 7), AdministrationLevel.Kzaz, kzaz));
        Assert.True(Eligibility.Covers(AdministrationLevel.Kzaz, new GroupScope(ScopeKind.Municipality, 30), AdministrationLevel.Kzaz, kzaz));
    }

    [Fact]
    public void National_technical_team_is_in_no_area_but_in_national_and_its_own_unit_scope()
    {
        var team = new UnitLocation(9, null, null, null);
        Assert.True(Eligibility.Covers(AdministrationLevel.TechnicalStaff, GroupScope.National, AdministrationLevel.TechnicalStaff, team));
        Assert.True(Eligibility.Covers(AdministrationLevel.TechnicalStaff, new GroupScope(ScopeKind.Unit, 9), AdministrationLevel.TechnicalStaff, team));
        Assert.False(Eligibility.Covers(AdministrationLevel.TechnicalStaff, new GroupScope(ScopeKind.Qark, 4), AdministrationLevel.TechnicalStaff, team));
    }
}
