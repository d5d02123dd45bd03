using CsCheck;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Tests.Messages;

/// <summary>
/// Random sequences of actions by random people (author, peer, both directors, the Secretary General, the system
/// administrator), with fresh or stale hashes and step-ups, never leave a message queued without an approval of the
/// queued version's exact content by someone allowed to give it.
/// </summary>
public sealed class NothingUnapprovedIsQueuedProperties
{
    private enum Act
    {
        Edit,
        Submit,
        Withdraw,
        Approve,
        ApproveStale,
        ApproveWithoutStepUp,
        Reject,
        RequestChanges,
        Expire,
        Enqueue,
        Publish,
    }

    private static readonly Gen<(Act Act, int Actor, int Text)> Step =
        Gen.Select(Gen.Enum<Act>(), Gen.Int[0, 5], Gen.Int[0, 3], (act, actor, text) => (act, actor, text));

    [Fact]
    public void Random_action_sequences_never_queue_content_without_a_matching_approval()
    {
        Step.Array[1, 40].Sample(steps =>
        {
            var world = new MessageWorld();
            (StaffMember Who, string Role)[] people =
            [
                (world.Officer, StaffRole.CommunicationOfficer), (world.Peer, StaffRole.CommunicationOfficer),
                (world.DazDirector, StaffRole.Director), (world.DldDirector, StaffRole.Director),
                (world.SecretaryGeneral, StaffRole.SecretaryGeneral), (world.Administrator, StaffRole.SystemAdministrator),
            ];
            string[] texts = ["Mbledhja në orën 10:00.", "Mbledhja në orën 11:00.", "Trajnimi shtyhet.", "Kontaktoni 0692345678."];
            var message = world.Draft();
            var staleHash = message.CurrentContentHash;
            var clock = MessageWorld.Now;
            var queued = new List<PublishingQueueEntry>();
            foreach (var (act, actor, text) in steps)
            {
                clock = clock.AddMinutes(1);
                var (who, role) = people[actor];
                var chain = world.ChainOf(world.Officer);
                var targets = world.TargetsOf(message);
                try
                {
                    switch (act)
                    {
                        case Act.Edit:
                            staleHash = message.CurrentContentHash;
                            message.Edit(who, new MessageDraft(texts[text], null, null, null, false), [text % 2 == 0 ? world.Kzaz1 : world.Kzaz2], clock);
                            break;
                        case Act.Submit:
                            world.Submit(message, who, text == 3 ? "Linja zyrtare." : null, clock);
                            break;
                        case Act.Withdraw:
                            message.Withdraw(who, clock);
                            break;
                        case Act.Approve:
                            message.Approve(who, role, chain, targets, message.CurrentContentHash, clock, clock);
                            break;
                        case Act.ApproveStale:
                            message.Approve(who, role, chain, targets, staleHash, clock, clock);
                            break;
                        case Act.ApproveWithoutStepUp:
                            message.Approve(who, role, chain, targets, message.CurrentContentHash, clock.AddMinutes(-20), clock);
                            break;
                        case Act.Reject:
                            message.Reject(who, role, chain, targets, message.CurrentContentHash, "Jo.", clock);
                            break;
                        case Act.RequestChanges:
                            message.RequestChanges(who, role, chain, targets, message.CurrentContentHash, "Ndryshoni.", clock);
                            break;
                        case Act.Expire:
                            message.Expire(clock);
                            break;
                        case Act.Enqueue:
                            queued.Add(message.Enqueue(clock));
                            break;
                        case Act.Publish:
                            message.MarkPublished(clock);
                            break;
                    }
                }
                catch (DomainException)
                {
                    // A refused action changes nothing; the invariant below is checked either way.
                }

                foreach (var entry in queued)
                {
                    var approval = message.Approvals.SingleOrDefault(a => a.Id == entry.ApprovalId);
                    Assert.NotNull(approval);
                    Assert.Equal(entry.VersionId, approval.VersionId);
                    Assert.Equal(entry.ContentHash, approval.ContentHash);
                    var version = message.Versions.Single(v => v.Id == entry.VersionId);
                    Assert.Equal(version.ContentHash, entry.ContentHash);
                    Assert.Equal(world.DazDirector.Id, approval.ApproverId);
                }

                if (message.Status is MessageStatus.Queued or MessageStatus.Published or MessageStatus.PartlyFailed or MessageStatus.Approved)
                {
                    Assert.Contains(message.Approvals, a =>
                        a.VersionId == message.CurrentVersionId && a.ContentHash == message.CurrentContentHash && a.ApproverId == world.DazDirector.Id);
                }

                Assert.All(message.Approvals, a => Assert.NotEqual(message.AuthorId, a.ApproverId));
            }
        }, iter: 2_000);
    }
}
