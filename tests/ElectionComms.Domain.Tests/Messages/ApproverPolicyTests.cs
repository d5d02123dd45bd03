using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Tests.Messages;

/// <summary>§7: only the author's responsible superior approves, and no role bypasses the rule.</summary>
public sealed class ApproverPolicyTests
{
    private readonly MessageWorld world = new();

    private string RefusalFor(StaffMember approver, string role, params TargetGroup[] targets)
    {
        var message = world.Submitted(targets);
        var exception = Assert.Throws<DomainException>(() => world.Approve(message, approver, role));
        Assert.Equal(MessageStatus.Submitted, message.Status);
        Assert.Empty(message.Approvals);
        return exception.Code;
    }

    [Fact]
    public void Author_may_not_approve_their_own_message() =>
        Assert.Equal("Message.Approver.IsAuthor", RefusalFor(world.Officer, StaffRole.CommunicationOfficer));

    [Fact]
    public void Peer_officer_may_not_approve() =>
        Assert.Equal("Message.Approver.Role", RefusalFor(world.Peer, StaffRole.CommunicationOfficer));

    [Fact]
    public void Director_of_another_directorate_may_not_approve() =>
        Assert.Equal("Message.Approver.NotInChain", RefusalFor(world.DldDirector, StaffRole.Director));

    [Fact]
    public void Director_who_administers_a_target_group_but_is_not_the_authors_superior_may_not_approve() =>
        Assert.Equal("Message.Approver.NotInChain", RefusalFor(world.DldDirector, StaffRole.Director, world.TechnicalStaff));

    [Fact]
    public void Secretary_General_may_not_approve_a_message_to_groups_they_do_not_answer_for() =>
        Assert.Equal("Message.Approver.NotResponsible", RefusalFor(world.SecretaryGeneral, StaffRole.SecretaryGeneral));

    [Fact]
    public void System_administrator_may_not_approve() =>
        Assert.Equal("Message.Approver.Role", RefusalFor(world.Administrator, StaffRole.SystemAdministrator));

    [Fact]
    public void Someone_below_director_rank_may_not_approve_even_with_the_director_role()
    {
        var head = StaffMember.Create(Guid.NewGuid(), "Drita Kola", "drita@kqz.gov.al", null, Rank.HeadOfSector, MessageWorld.Daz, MessageWorld.Now);
        head.ReportTo(world.DazDirector, world.All);
        world.All[head.Id] = head;
        world.Roles[head.Id] = StaffRole.Director;
        var officer = StaffMember.Create(Guid.NewGuid(), "Ana Deda", "ana@kqz.gov.al", null, Rank.Specialist, MessageWorld.Daz, MessageWorld.Now);
        officer.ReportTo(head, world.All);
        world.All[officer.Id] = officer;
        var message = Message.Draft(officer, new MessageDraft("Tekst", null, null, null, false), [world.Kzaz1], MessageWorld.Now);
        world.Submit(message, officer);

        var exception = Assert.Throws<DomainException>(() => message.Approve(
            head, StaffRole.Director, world.ChainOf(officer), [world.Kzaz1], message.CurrentContentHash, MessageWorld.Now, MessageWorld.Now));

        Assert.Equal("Message.Approver.RankTooLow", exception.Code);
    }

    [Fact]
    public void Inactive_director_may_not_approve()
    {
        var message = world.Submitted();
        world.DazDirector.Deactivate(0, MessageWorld.Now);

        Assert.Equal("Message.Approver.Inactive", Assert.Throws<DomainException>(() => world.Approve(message, world.DazDirector, StaffRole.Director)).Code);
    }

    [Fact]
    public void Director_of_the_groups_directorate_may_approve_a_group_another_director_administers()
    {
        var message = world.Submitted(world.TechnicalStaff);

        world.Approve(message, world.DazDirector, StaffRole.Director);

        Assert.Equal(MessageStatus.Approved, message.Status);
    }

    [Fact]
    public void Secretary_General_who_administers_every_target_and_stands_in_the_chain_may_approve()
    {
        var sgGroup = world.Kzaz1 with { GroupId = 9, Name = "KZAZ 9", AdministratorId = world.SecretaryGeneral.Id };
        var message = Message.Draft(world.Officer, new MessageDraft("Tekst", null, null, null, false), [sgGroup], MessageWorld.Now);
        world.Submit(message, targets: [sgGroup]);

        message.Approve(world.SecretaryGeneral, StaffRole.SecretaryGeneral, world.ChainOf(world.Officer), [sgGroup], message.CurrentContentHash, MessageWorld.Now, MessageWorld.Now);

        Assert.Equal(MessageStatus.Approved, message.Status);
    }

    [Fact]
    public void Reject_is_held_to_the_same_rule_as_approve()
    {
        var message = world.Submitted();

        var exception = Assert.Throws<DomainException>(() => message.Reject(
            world.SecretaryGeneral, StaffRole.SecretaryGeneral, world.ChainOf(world.Officer), world.TargetsOf(message), message.CurrentContentHash, "Jo", MessageWorld.Now));

        Assert.Equal("Message.Approver.NotResponsible", exception.Code);
    }

    [Fact]
    public void Chain_of_the_officer_runs_up_to_the_Secretary_General_and_stops_at_a_loop()
    {
        Assert.Equal([world.DazDirector.Id, world.SecretaryGeneral.Id], world.ChainOf(world.Officer));

        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Assert.Equal([b], ApproverPolicy.ChainOf(a, new Dictionary<Guid, Guid?> { [a] = b, [b] = a }));
    }
}
