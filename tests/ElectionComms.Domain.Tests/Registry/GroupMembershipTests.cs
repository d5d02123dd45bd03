using ElectionComms.Domain.Common;
using ElectionComms.Domain.Registry;

namespace ElectionComms.Domain.Tests.Registry;

public sealed class GroupMembershipTests
{
    private static readonly Guid Clerk = Guid.NewGuid();
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public void Removed_person_cannot_be_added_or_invited_until_reinstated_with_a_reason()
    {
        var membership = GroupMembership.Add(1, 2, eligible: true, Clerk, Now);
        membership.Remove("Numër i panjohur", Clerk, Now);

        Assert.False(GroupMembership.MayBeInvited(membership));
        Assert.Equal("Membership.RemovedNotReinstated", Assert.Throws<DomainException>(() => membership.AddAgain(true, Clerk, Now)).Code);
        Assert.Equal("Membership.ReasonRequired", Assert.Throws<DomainException>(() => membership.Reinstate(" ", Clerk, Now)).Code);

        membership.Reinstate("Gabim në krahasim", Clerk, Now);
        Assert.True(GroupMembership.MayBeInvited(membership));
        membership.AddAgain(true, Clerk, Now);
        Assert.Equal(MembershipStatus.Member, membership.Status);
    }

    [Fact]
    public void Removal_requires_a_reason_and_a_member()
    {
        var membership = GroupMembership.Add(1, 2, eligible: true, Clerk, Now);
        Assert.Equal("Membership.ReasonRequired", Assert.Throws<DomainException>(() => membership.Remove("", Clerk, Now)).Code);
        Assert.Equal("Membership.AlreadyMember", Assert.Throws<DomainException>(() => membership.AddAgain(true, Clerk, Now)).Code);
        Assert.Equal("Membership.NotRemoved", Assert.Throws<DomainException>(() => membership.Reinstate("x", Clerk, Now)).Code);
        membership.Remove("Mandati përfundoi", Clerk, Now);
        Assert.Equal("Membership.NotMember", Assert.Throws<DomainException>(() => membership.Remove("x", Clerk, Now)).Code);
    }

    [Fact]
    public void Ineligible_person_cannot_be_added() =>
        Assert.Equal("Membership.NotEligible", Assert.Throws<DomainException>(() => GroupMembership.Add(1, 2, eligible: false, Clerk, Now)).Code);

    [Fact]
    public void Nobody_recorded_may_be_invited() => Assert.True(GroupMembership.MayBeInvited(null));
}
