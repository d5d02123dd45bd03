using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Tests.Organisation;

public sealed class StaffMemberReactivateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reactivation_under_an_active_higher_superior_restores_the_account()
    {
        var (director, head) = DirectorWithHead();
        head.Deactivate(activeDirectReports: 0, Now);

        head.Reactivate(director);

        Assert.True(head.IsActive);
        Assert.Null(head.DeactivatedAt);
    }

    [Fact]
    public void Reactivation_is_refused_when_the_superior_has_left_meanwhile()
    {
        var (director, head) = DirectorWithHead();
        head.Deactivate(activeDirectReports: 0, Now);
        director.Deactivate(activeDirectReports: 0, Now);

        var error = Assert.Throws<DomainException>(() => head.Reactivate(director));

        Assert.Equal("Staff.SuperiorInactive", error.Code);
        Assert.False(head.IsActive);
    }

    [Fact]
    public void Reactivation_is_refused_when_the_superior_was_demoted_to_the_same_rank_meanwhile()
    {
        // While the head of sector was away only active reports held the director's rank up.
        var (director, head) = DirectorWithHead();
        head.Deactivate(activeDirectReports: 0, Now);
        director.ChangeRank(Rank.HeadOfSector, superior: null, directReports: [head]);

        var error = Assert.Throws<DomainException>(() => head.Reactivate(director));

        Assert.Equal("Staff.SuperiorRankTooLow", error.Code);
        Assert.False(head.IsActive);
    }

    [Fact]
    public void Reactivating_an_active_account_is_refused()
    {
        var (director, head) = DirectorWithHead();

        var error = Assert.Throws<DomainException>(() => head.Reactivate(director));

        Assert.Equal("Staff.AlreadyActive", error.Code);
    }

    private static (StaffMember Director, StaffMember Head) DirectorWithHead()
    {
        var director = StaffMember.Create(Guid.NewGuid(), "Ermira Çela", "drejtor@kqz.gov.al", null, Rank.Director, 1, Now);
        var head = StaffMember.Create(Guid.NewGuid(), "Klea Ndreu", "klea@kqz.gov.al", null, Rank.HeadOfSector, 1, Now);
        head.ReportTo(director, new Dictionary<Guid, StaffMember> { [director.Id] = director, [head.Id] = head });
        return (director, head);
    }
}
