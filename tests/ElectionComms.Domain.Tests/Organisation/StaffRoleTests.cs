using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Tests.Organisation;

public sealed class StaffRoleTests
{
    [Theory]
    [InlineData(StaffRole.SecretaryGeneral, Rank.SecretaryGeneral)]
    [InlineData(StaffRole.Director, Rank.Director)]
    [InlineData(StaffRole.Director, Rank.SecretaryGeneral)]
    [InlineData(StaffRole.CommunicationOfficer, Rank.Specialist)]
    [InlineData(StaffRole.Clerk, Rank.Specialist)]
    [InlineData(StaffRole.HelplineOperator, Rank.Specialist)]
    [InlineData(StaffRole.SystemAdministrator, Rank.HeadOfSector)]
    [InlineData(StaffRole.Auditor, Rank.Specialist)]
    public void EnsureFits_accepts_a_rank_at_or_above_the_roles_minimum(string role, Rank rank)
    {
        var exception = Record.Exception(() => StaffRole.EnsureFits(role, rank));

        Assert.Null(exception);
    }

    [Theory]
    [InlineData(StaffRole.SecretaryGeneral, Rank.Director)]
    [InlineData(StaffRole.Director, Rank.HeadOfSector)]
    [InlineData(StaffRole.Director, Rank.Specialist)]
    public void EnsureFits_refuses_a_rank_below_the_roles_minimum(string role, Rank rank)
    {
        var error = Assert.Throws<DomainException>(() => StaffRole.EnsureFits(role, rank));

        Assert.Equal("Staff.RankTooLowForRole", error.Code);
        Assert.Equal(StaffRole.MinimumRank(role), error.Arguments[1]);
    }

    [Theory]
    [InlineData("Administrator")]
    [InlineData("director")]
    [InlineData("")]
    public void EnsureFits_refuses_an_unknown_role(string role)
    {
        var error = Assert.Throws<DomainException>(() => StaffRole.EnsureFits(role, Rank.SecretaryGeneral));

        Assert.Equal("Staff.UnknownRole", error.Code);
    }

    [Theory]
    [InlineData(StaffRole.SecretaryGeneral)]
    [InlineData(StaffRole.Director)]
    [InlineData(StaffRole.SystemAdministrator)]
    public void RequiresTwoFactor_for_roles_that_change_who_may_publish(string role) =>
        Assert.True(StaffRole.RequiresTwoFactor(role));

    [Theory]
    [InlineData(StaffRole.CommunicationOfficer)]
    [InlineData(StaffRole.Clerk)]
    [InlineData(StaffRole.HelplineOperator)]
    [InlineData(StaffRole.Auditor)]
    public void RequiresTwoFactor_not_for_other_roles(string role) =>
        Assert.False(StaffRole.RequiresTwoFactor(role));

    [Fact]
    public void All_lists_each_role_once() =>
        Assert.Equal(StaffRole.All.Count, StaffRole.All.Distinct(StringComparer.Ordinal).Count());
}
