using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Tests.Messages;

public sealed class MessageLifecycleTests
{
    private readonly MessageWorld world = new();

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    [Fact]
    public void Draft_starts_at_version_one_with_the_hash_of_its_content()
    {
        var message = world.Draft();

        Assert.Equal(MessageStatus.Draft, message.Status);
        Assert.Equal(1, message.CurrentVersionNumber);
        Assert.Equal(message.CurrentVersion.Content.Hash(), message.CurrentContentHash);
        Assert.Equal(MessageWorld.Daz, message.DirectorateId);
        Assert.Equal(MessageEventKind.Drafted, Assert.Single(message.Events).Kind);
    }

    [Fact]
    public void Submit_moves_a_draft_to_submitted_and_a_second_submit_is_refused()
    {
        var message = world.Draft();
        world.Submit(message);

        Assert.Equal(MessageStatus.Submitted, message.Status);
        Assert.Equal("Message.NotSubmittable", Refused(() => world.Submit(message)).Code);
    }

    [Fact]
    public void Submit_by_someone_other_than_the_author_is_refused()
    {
        var message = world.Draft();

        Assert.Equal("Message.NotAuthor", Refused(() => world.Submit(message, world.Peer)).Code);
        Assert.Equal(MessageStatus.Draft, message.Status);
    }

    [Fact]
    public void Approve_by_the_responsible_director_records_an_approval_bound_to_the_hash()
    {
        var message = world.Submitted();

        world.Approve(message, world.DazDirector, StaffRole.Director);

        Assert.Equal(MessageStatus.Approved, message.Status);
        var approval = Assert.Single(message.Approvals);
        Assert.Equal(message.CurrentVersionId, approval.VersionId);
        Assert.Equal(message.CurrentContentHash, approval.ContentHash);
        Assert.Equal(world.DazDirector.Id, approval.ApproverId);
    }

    [Fact]
    public void Approve_of_a_draft_that_was_never_submitted_is_refused()
    {
        var message = world.Draft();

        Assert.Equal("Message.NotAwaitingDecision", Refused(() => world.Approve(message, world.DazDirector, StaffRole.Director)).Code);
    }

    [Fact]
    public void Reject_and_request_changes_need_a_reason()
    {
        var message = world.Submitted();
        var chain = world.ChainOf(world.Officer);
        var targets = world.TargetsOf(message);

        Assert.Equal("Message.ReasonRequired", Refused(() => message.Reject(world.DazDirector, StaffRole.Director, chain, targets, message.CurrentContentHash, "  ", MessageWorld.Now)).Code);
        Assert.Equal("Message.ReasonRequired", Refused(() => message.RequestChanges(world.DazDirector, StaffRole.Director, chain, targets, message.CurrentContentHash, null, MessageWorld.Now)).Code);
        Assert.Equal(MessageStatus.Submitted, message.Status);
    }

    [Fact]
    public void Request_changes_returns_the_message_to_the_author_who_submits_again()
    {
        var message = world.Submitted();
        message.RequestChanges(world.DazDirector, StaffRole.Director, world.ChainOf(world.Officer), world.TargetsOf(message), message.CurrentContentHash, "Shtoni orën.", MessageWorld.Now);
        Assert.Equal(MessageStatus.ChangesRequested, message.Status);
        Assert.Equal("Shtoni orën.", message.DecisionReason);

        message.Edit(world.Officer, new MessageDraft("Mbledhja nesër në orën 11:00.", null, null, null, false), [world.Kzaz1], MessageWorld.Now);
        world.Submit(message);

        Assert.Equal(MessageStatus.Submitted, message.Status);
        Assert.Equal(2, message.CurrentVersionNumber);
    }

    [Fact]
    public void Rejected_message_is_final()
    {
        var message = world.Submitted();
        message.Reject(world.DazDirector, StaffRole.Director, world.ChainOf(world.Officer), world.TargetsOf(message), message.CurrentContentHash, "Jo tani.", MessageWorld.Now);

        Assert.Equal(MessageStatus.Rejected, message.Status);
        Assert.Equal("Message.NotEditable", Refused(() => message.Edit(world.Officer, new MessageDraft("Tjetër", null, null, null, false), [world.Kzaz1], MessageWorld.Now)).Code);
        Assert.Equal("Message.NotSubmittable", Refused(() => world.Submit(message)).Code);
    }

    [Fact]
    public void Withdraw_by_the_author_before_a_decision_succeeds_but_not_after_approval()
    {
        var pending = world.Submitted();
        pending.Withdraw(world.Officer, MessageWorld.Now);
        Assert.Equal(MessageStatus.Withdrawn, pending.Status);

        var approved = world.Submitted();
        world.Approve(approved, world.DazDirector, StaffRole.Director);
        Assert.Equal("Message.NotWithdrawable", Refused(() => approved.Withdraw(world.Officer, MessageWorld.Now)).Code);
    }

    [Fact]
    public void Withdraw_by_another_person_is_refused()
    {
        var message = world.Submitted();

        Assert.Equal("Message.NotAuthor", Refused(() => message.Withdraw(world.DazDirector, MessageWorld.Now)).Code);
    }

    [Fact]
    public void Edit_after_approval_makes_a_new_version_and_voids_the_approval()
    {
        var message = world.Submitted();
        world.Approve(message, world.DazDirector, StaffRole.Director);

        message.Edit(world.Officer, new MessageDraft("Mbledhja shtyhet për të enjten.", null, null, null, false), [world.Kzaz1], MessageWorld.Now);

        Assert.Equal(MessageStatus.Draft, message.Status);
        Assert.Equal(2, message.CurrentVersionNumber);
        Assert.DoesNotContain(message.Approvals, a => a.VersionId == message.CurrentVersionId);
        Assert.Equal("Message.NotApproved", Refused(() => message.Enqueue(MessageWorld.Now)).Code);
    }

    [Fact]
    public void Edit_that_changes_nothing_is_refused()
    {
        var message = world.Draft();

        Assert.Equal("Message.NoChanges", Refused(() => message.Edit(world.Officer, new MessageDraft("Mbledhja e KZAZ-së nesër në orën 10:00.\r\n", null, null, null, false), [world.Kzaz1], MessageWorld.Now)).Code);
    }

    [Fact]
    public void Stale_hash_is_refused_after_the_author_changed_the_text()
    {
        var message = world.Submitted();
        var seen = message.CurrentContentHash;
        message.Edit(world.Officer, new MessageDraft("Teksti i ri.", null, null, null, false), [world.Kzaz1], MessageWorld.Now);
        world.Submit(message);

        Assert.Equal("Message.ContentChanged", Refused(() => world.Approve(message, world.DazDirector, StaffRole.Director, hash: seen)).Code);
        Assert.Empty(message.Approvals);
    }

    [Fact]
    public void Replayed_hash_of_an_earlier_approval_does_not_approve_the_new_version()
    {
        var message = world.Submitted();
        var approvedHash = message.CurrentContentHash;
        world.Approve(message, world.DazDirector, StaffRole.Director);
        message.Edit(world.Officer, new MessageDraft("Tekst tjetër pas miratimit.", null, null, null, false), [world.Kzaz1], MessageWorld.Now);
        world.Submit(message);

        Assert.Equal("Message.ContentChanged", Refused(() => world.Approve(message, world.DazDirector, StaffRole.Director, hash: approvedHash)).Code);
        Assert.Equal(MessageStatus.Submitted, message.Status);
    }

    [Fact]
    public void Approve_without_a_recent_second_factor_is_refused()
    {
        var message = world.Submitted();
        var chain = world.ChainOf(world.Officer);
        var targets = world.TargetsOf(message);

        Assert.Equal("Message.StepUpRequired", Refused(() => message.Approve(world.DazDirector, StaffRole.Director, chain, targets, message.CurrentContentHash, null, MessageWorld.Now)).Code);
        Assert.Equal("Message.StepUpRequired", Refused(() => message.Approve(world.DazDirector, StaffRole.Director, chain, targets, message.CurrentContentHash, MessageWorld.Now.AddMinutes(-16), MessageWorld.Now)).Code);
        message.Approve(world.DazDirector, StaffRole.Director, chain, targets, message.CurrentContentHash, MessageWorld.Now.AddMinutes(-15), MessageWorld.Now);
        Assert.Equal(MessageStatus.Approved, message.Status);
    }

    [Fact]
    public void Send_time_in_the_past_is_refused_at_drafting()
    {
        Assert.Equal("Message.SendTimeInPast", Refused(() => world.Draft(sendAt: MessageWorld.Now.AddMinutes(-1))).Code);
    }

    [Fact]
    public void Message_not_approved_before_its_send_time_expires_and_can_no_longer_be_approved()
    {
        var message = world.Draft(sendAt: MessageWorld.Now.AddHours(1));
        world.Submit(message);
        var later = MessageWorld.Now.AddHours(2);

        Assert.Equal("Message.SendTimePassed", Refused(() => world.Approve(message, world.DazDirector, StaffRole.Director, stepUp: later, at: later)).Code);
        Assert.True(message.IsOverdue(later));
        message.Expire(later);
        Assert.Equal(MessageStatus.Expired, message.Status);
    }

    [Fact]
    public void Message_before_its_send_time_does_not_expire()
    {
        var message = world.Draft(sendAt: MessageWorld.Now.AddHours(1));

        Assert.Equal("Message.NotExpirable", Refused(() => message.Expire(MessageWorld.Now)).Code);
    }

    [Fact]
    public void Enqueue_takes_only_an_approved_current_version_and_names_its_approval()
    {
        var message = world.Submitted();
        Assert.Equal("Message.NotApproved", Refused(() => message.Enqueue(MessageWorld.Now)).Code);
        world.Approve(message, world.DazDirector, StaffRole.Director);

        var entry = message.Enqueue(MessageWorld.Now);

        Assert.Equal(MessageStatus.Queued, message.Status);
        Assert.Equal(message.CurrentVersionId, entry.VersionId);
        Assert.Equal(message.CurrentContentHash, entry.ContentHash);
        Assert.Equal(Assert.Single(message.Approvals).Id, entry.ApprovalId);
        Assert.Equal("Message.NotApproved", Refused(() => message.Enqueue(MessageWorld.Now)).Code);
    }

    [Fact]
    public void Publishing_outcome_is_recorded_only_for_a_queued_message()
    {
        var message = world.Submitted();
        Assert.Equal("Message.NotQueued", Refused(() => message.MarkPublished(MessageWorld.Now)).Code);
        world.Approve(message, world.DazDirector, StaffRole.Director);
        message.Enqueue(MessageWorld.Now);

        message.MarkPartlyFailed("2 nga 3 grupe morën mesazhin.", MessageWorld.Now);

        Assert.Equal(MessageStatus.PartlyFailed, message.Status);
    }

    [Fact]
    public void Comment_needs_text_and_records_the_version_it_was_written_on()
    {
        var message = world.Submitted();

        Assert.Equal("Message.CommentRequired", Refused(() => message.Comment(world.DazDirector.Id, " ", MessageWorld.Now)).Code);
        var comment = message.Comment(world.DazDirector.Id, "Kontrolloni orën.", MessageWorld.Now);
        Assert.Equal(1, comment.VersionNumber);
    }

    [Fact]
    public void Timeline_records_who_did_what_to_which_version()
    {
        var message = world.Submitted();
        world.Approve(message, world.DazDirector, StaffRole.Director);
        message.Enqueue(MessageWorld.Now);

        Assert.Equal(
            [MessageEventKind.Drafted, MessageEventKind.Submitted, MessageEventKind.Approved, MessageEventKind.Queued],
            message.Events.Select(e => e.Kind));
        var approved = message.Events.Single(e => e.Kind == MessageEventKind.Approved);
        Assert.Equal(world.DazDirector.Id, approved.ActorId);
        Assert.Equal(message.CurrentContentHash, approved.ContentHash);
    }
}
