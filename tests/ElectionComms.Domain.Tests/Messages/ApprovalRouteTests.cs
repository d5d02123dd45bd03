using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Tests.Messages;

/// <summary>ADR 0017: the route fixed at submission (§7 chain, §8 grant, the author's own superior) decides who approves.</summary>
public sealed class ApprovalRouteTests
{
    private readonly MessageWorld world = new();

    private Message SubmittedBy(StaffMember author, TargetGroup target)
    {
        var message = Message.Draft(author, new MessageDraft("Njoftim.", null, null, null, target.IsTestGroup), [target], MessageWorld.Now);
        world.Submit(message, author, targets: [target]);
        return message;
    }

    private void Approve(Message message, StaffMember author, StaffMember approver, string role, TargetGroup target) =>
        message.Approve(approver, role, world.ChainOf(author), [target], message.CurrentContentHash, MessageWorld.Now, MessageWorld.Now);

    [Fact]
    public void Officer_of_the_group_takes_the_chain_route_and_their_director_approves()
    {
        var message = world.Submitted();

        Assert.Equal(ApprovalRoute.Chain, message.ApprovalRoute);
        world.Approve(message, world.DazDirector, StaffRole.Director);
        Assert.Equal(MessageStatus.Approved, message.Status);
    }

    [Fact]
    public void Operator_with_a_grant_takes_the_grant_route_and_the_groups_director_approves_outside_the_chain()
    {
        var granted = world.Kzaz2 with { AuthorIsOfficer = false };
        var message = SubmittedBy(world.Operator, granted);

        Assert.Equal(ApprovalRoute.Grant, message.ApprovalRoute);
        Approve(message, world.Operator, world.DazDirector, StaffRole.Director, granted);
        Assert.Equal(MessageStatus.Approved, message.Status);
    }

    [Fact]
    public void On_the_grant_route_the_operators_own_chain_does_not_approve()
    {
        var granted = world.Kzaz2 with { AuthorIsOfficer = false };
        var message = SubmittedBy(world.Operator, granted);

        var dld = Assert.Throws<DomainException>(() => Approve(message, world.Operator, world.DldDirector, StaffRole.Director, granted));
        var sg = Assert.Throws<DomainException>(() => Approve(message, world.Operator, world.SecretaryGeneral, StaffRole.SecretaryGeneral, granted));

        Assert.Equal("Message.Approver.NotResponsible", dld.Code);
        Assert.Equal("Message.Approver.NotResponsible", sg.Code);
    }

    [Fact]
    public void Director_writing_to_groups_they_answer_for_takes_the_superior_route_and_the_Secretary_General_approves()
    {
        var granted = world.Kzaz1 with { AuthorIsOfficer = false };
        var message = SubmittedBy(world.DazDirector, granted);

        Assert.Equal(ApprovalRoute.Superior, message.ApprovalRoute);
        Assert.Equal("Message.Approver.NotInChain", Assert.Throws<DomainException>(() => Approve(message, world.DazDirector, world.DldDirector, StaffRole.Director, granted)).Code);
        Approve(message, world.DazDirector, world.SecretaryGeneral, StaffRole.SecretaryGeneral, granted);
        Assert.Equal(MessageStatus.Approved, message.Status);
    }

    [Fact]
    public void Submission_nobody_could_decide_is_refused_and_the_message_stays_a_draft()
    {
        var message = world.Draft();
        world.DazDirector.Deactivate(0, MessageWorld.Now);

        var exception = Assert.Throws<DomainException>(() => world.Submit(message));

        Assert.Equal("Message.NoApprover", exception.Code);
        Assert.Equal(MessageStatus.Draft, message.Status);
        Assert.Null(message.SubmittedAt);
    }

    [Fact]
    public void Secretary_General_answering_for_the_groups_has_no_superior_and_is_refused_at_submission()
    {
        var own = world.OtherDirectorate with { AuthorIsOfficer = false };
        var message = Message.Draft(world.SecretaryGeneral, new MessageDraft("Njoftim.", null, null, null, false), [own], MessageWorld.Now);

        var exception = Assert.Throws<DomainException>(() => world.Submit(message, world.SecretaryGeneral, targets: [own]));

        Assert.Equal("Message.NoApprover.Superior", exception.Code);
    }
}
