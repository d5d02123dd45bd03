using ElectionComms.Domain.Common;
using ElectionComms.Domain.Invitations;

namespace ElectionComms.Domain.Tests.Invitations;

public sealed class InvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly InvitationTarget Group = new(7, IsActive: true, HasJoinLink: true);
    private static readonly Guid Clerk = Guid.NewGuid();

    private static byte[] Hash(byte fill = 1) => Enumerable.Repeat(fill, Invitation.HashLength).ToArray();

    private static Invitation Create(int maxUses = 3, int? personId = null, bool eligible = false, InvitationTarget? group = null, DateTimeOffset? expires = null) =>
        Invitation.Create(group ?? Group, personId, eligible, Hash(), expires ?? Now.AddDays(1), maxUses, "  Trajnim  ", Clerk, Now);

    private static string Code(Action action) => Assert.Throws<DomainException>(action).Code;

    [Fact]
    public void New_group_wide_invitation_is_active_with_a_trimmed_note()
    {
        var invitation = Create();

        Assert.Equal(InvitationKind.GroupWide, invitation.Kind);
        Assert.Equal(InvitationStatus.Active, invitation.StatusAt(Now));
        Assert.Equal("Trajnim", invitation.Note);
    }

    [Fact]
    public void Expiry_now_or_in_the_past_is_refused() =>
        Assert.Equal("Invitation.ExpiryInPast", Code(() => Create(expires: Now)));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Max_uses_below_one_is_refused(int maxUses) => Assert.Equal("Invitation.MaxUsesTooLow", Code(() => Create(maxUses)));

    [Fact]
    public void Max_uses_above_the_limit_is_refused() =>
        Assert.Equal("Invitation.MaxUsesTooHigh", Code(() => Create(Invitation.MaxUsesLimit + 1)));

    [Fact]
    public void Personal_invitation_for_someone_not_eligible_is_refused() =>
        Assert.Equal("Invitation.PersonNotEligible", Code(() => Create(personId: 5, eligible: false)));

    [Fact]
    public void Group_without_join_link_or_inactive_gets_no_invitation()
    {
        Assert.Equal("Invitation.GroupWithoutJoinLink", Code(() => Create(group: Group with { HasJoinLink = false })));
        Assert.Equal("Invitation.GroupInactive", Code(() => Create(group: Group with { IsActive = false })));
    }

    [Fact]
    public void A_hash_of_the_wrong_length_is_refused() =>
        Assert.Equal("Invitation.BadCodeHash", Code(() => Invitation.Create(Group, null, false, [1, 2, 3], Now.AddDays(1), 1, null, Clerk, Now)));

    [Fact]
    public void Status_follows_revocation_expiry_and_uses()
    {
        var invitation = Create(maxUses: 1);
        Assert.Equal(InvitationStatus.Expired, invitation.StatusAt(Now.AddDays(2)));

        invitation.RecordUse(Now);
        Assert.Equal(InvitationStatus.UsedUp, invitation.StatusAt(Now));
        Assert.Equal("Invitation.NotUsable", Code(() => invitation.RecordUse(Now)));

        invitation.Revoke(Clerk, Now);
        Assert.Equal(InvitationStatus.Revoked, invitation.StatusAt(Now));
        Assert.Equal("Invitation.AlreadyRevoked", Code(() => invitation.Revoke(Clerk, Now)));
    }

    [Fact]
    public void Personal_invitation_is_for_its_person_only()
    {
        var invitation = Create(personId: 5, eligible: true);

        Assert.True(invitation.IsFor(5));
        Assert.False(invitation.IsFor(6));
        Assert.True(Create().IsFor(6));
    }

    [Fact]
    public void Reissue_copies_the_settings_and_revokes_the_original()
    {
        var original = Create(maxUses: 4, personId: 5, eligible: true);

        var next = original.Reissue(Group, personMayBeInvited: true, Hash(2), Now.AddDays(10), Clerk, Now);

        Assert.Equal(InvitationStatus.Revoked, original.StatusAt(Now));
        Assert.Equal(4, next.MaxUses);
        Assert.Equal(5, next.PersonId);
        Assert.Equal("Trajnim", next.Note);
        Assert.Equal(InvitationStatus.Active, next.StatusAt(Now));
    }

    [Fact]
    public void Reissue_of_a_personal_invitation_for_someone_no_longer_eligible_is_refused_and_nothing_changes()
    {
        var original = Create(personId: 5, eligible: true);

        Assert.Equal("Invitation.PersonNotEligible", Code(() => original.Reissue(Group, personMayBeInvited: false, Hash(2), Now.AddDays(1), Clerk, Now)));
        Assert.Equal(InvitationStatus.Active, original.StatusAt(Now));
    }

    [Fact]
    public void The_query_filter_for_active_agrees_with_the_status_for_every_status()
    {
        var fresh = Create();
        var usedUp = Create(maxUses: 1);
        usedUp.RecordUse(Now);
        var revoked = Create();
        revoked.Revoke(Clerk, Now);
        var expiry = Now.AddDays(1);

        var cases = new[] { (fresh, Now), (fresh, expiry), (fresh, expiry.AddSeconds(-1)), (usedUp, Now), (revoked, Now) };
        Assert.Equal(
            [InvitationStatus.Active, InvitationStatus.Expired, InvitationStatus.Active, InvitationStatus.UsedUp, InvitationStatus.Revoked],
            cases.Select(c => c.Item1.StatusAt(c.Item2)));
        foreach (var (invitation, at) in cases)
        {
            var status = invitation.StatusAt(at);
            Assert.Equal(status == InvitationStatus.Active, Invitation.Active.Holds(invitation, at));
            Assert.Equal(status == InvitationStatus.Active, new[] { invitation }.AsQueryable().Any(Invitation.ActiveAt(at)));
        }
    }
}
