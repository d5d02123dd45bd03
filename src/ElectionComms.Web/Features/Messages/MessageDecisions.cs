using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Messages;

/// <summary>
/// What the author and the deciders do to a submitted or draft message (§7, §8, §10), with the context the domain's
/// rules need gathered in one place: the author's reporting line, the groups as the author reaches them, the people
/// who might decide and the decider's last step-up. Opening and deciding are two steps so that a test can open a
/// message in several sessions before any of them decides, as two directors do when they click at the same moment.
/// Each decision saves; a refusal is thrown for <see cref="Common.PageChanges"/> to word.
/// </summary>
public sealed class MessageDecisions(AppDbContext db, MessageAccess access, StepUp stepUp, TimeProvider clock)
{
    /// <summary>A message loaded for a decision by one person, with the rules' context as it is now.</summary>
    public sealed record Opened(Message Message, StaffMember Actor, string? Role, IReadOnlyList<Guid> Chain, IReadOnlyList<TargetGroup> Targets);

    /// <returns>Null when there is no such message. Whether the user may read it is the caller's question (<see cref="MessageAuthorization"/>).</returns>
    public async Task<Opened?> OpenAsync(Guid id, CurrentStaff user, CancellationToken cancellationToken = default)
    {
        var message = await access.LoadAsync(id, cancellationToken);
        if (message is null)
        {
            return null;
        }

        var actor = await db.Staff.SingleAsync(s => s.Id == user.Id, cancellationToken);
        var chain = await access.ChainAsync(message.AuthorId, cancellationToken);
        var targets = await access.TargetsAsync(message.AuthorId, message.CurrentVersion.Targets.Select(t => t.GroupId), cancellationToken);
        return new Opened(message, actor, user.Role, chain, targets);
    }

    /// <summary>ADR 0017: the route and whether anyone can decide are settled now, from the groups as the author reaches them.</summary>
    public async Task SubmitAsync(Opened opened, string? justification, CancellationToken cancellationToken = default)
    {
        var candidates = await access.ApproverCandidatesAsync(cancellationToken);
        opened.Message.Submit(opened.Actor, justification, opened.Targets, opened.Chain, candidates, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task WithdrawAsync(Opened opened, CancellationToken cancellationToken = default)
    {
        opened.Message.Withdraw(opened.Actor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Approved content goes straight to the publishing queue and the outbox, in the same transaction as the approval.</summary>
    public async Task ApproveAsync(Opened opened, string contentHash, CancellationToken cancellationToken = default)
    {
        var verifiedAt = await stepUp.LastVerifiedAsync(opened.Actor.Id, cancellationToken);
        var now = clock.GetUtcNow();
        opened.Message.Approve(opened.Actor, opened.Role, opened.Chain, opened.Targets, contentHash, verifiedAt, now);
        var entry = opened.Message.Enqueue(now);
        db.PublishingQueue.Add(entry);

        // The outbox: one delivery per target group, in this same transaction (issue 13, ADR 0024).
        var groupIds = opened.Message.CurrentVersion.Targets.Select(t => t.GroupId).ToList();
        var groups = await db.Groups.Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => (g.Platform, g.PlatformId), cancellationToken);
        db.Deliveries.AddRange(opened.Message.DeliveriesOf(entry, groups, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RequestChangesAsync(Opened opened, string contentHash, string? reason, CancellationToken cancellationToken = default)
    {
        opened.Message.RequestChanges(opened.Actor, opened.Role, opened.Chain, opened.Targets, contentHash, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RejectAsync(Opened opened, string contentHash, string? reason, CancellationToken cancellationToken = default)
    {
        opened.Message.Reject(opened.Actor, opened.Role, opened.Chain, opened.Targets, contentHash, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A person decides to send a failed or uncertain delivery again (issue 13 item 3): whoever approved the current
    /// version, or the Secretary General. Saved through EF, so the decision is in the audit trail with its author.
    /// </summary>
    public async Task ResendDeliveryAsync(Opened opened, long deliveryId, CancellationToken cancellationToken = default)
    {
        var delivery = await DeliveryToDecideAsync(opened, deliveryId, cancellationToken);
        delivery.Resend(opened.Actor.Id, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The person looked at the group and found the message there: the uncertain delivery counts as sent.</summary>
    public async Task ConfirmDeliveredAsync(Opened opened, long deliveryId, CancellationToken cancellationToken = default)
    {
        var delivery = await DeliveryToDecideAsync(opened, deliveryId, cancellationToken);
        var now = clock.GetUtcNow();
        delivery.ConfirmDelivered(opened.Actor.Id, now);
        await Common.DeliveryOutcomes.SaveAsync(db, opened.Message.Id, now, cancellationToken);
    }

    /// <summary>
    /// The approver or the author stops the message (§7): no delivery starts after this. In one transaction with the
    /// deliveries, so a dispatcher either claimed a delivery before (it finishes) or finds it cancelled.
    /// </summary>
    public async Task CancelAsync(Opened opened, string? reason, CancellationToken cancellationToken = default)
    {
        var message = opened.Message;
        var deliveries = await db.Deliveries.Where(d => d.MessageId == message.Id).ToListAsync(cancellationToken);
        message.Cancel(opened.Actor.Id, ApproversOf(message), reason, deliveries, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The approver (or the Secretary General) takes the message back, with a fresh second factor: what is not yet
    /// sent is cancelled, and each sent delivery waits for a dispatcher to delete it (or its officer, by hand).
    /// </summary>
    public async Task RecallAsync(Opened opened, string? reason, CancellationToken cancellationToken = default)
    {
        var message = opened.Message;
        var verifiedAt = await stepUp.LastVerifiedAsync(opened.Actor.Id, cancellationToken);
        var deliveries = await db.Deliveries.Where(d => d.MessageId == message.Id).ToListAsync(cancellationToken);
        message.Recall(opened.Actor.Id, ApproversOf(message), opened.Role == StaffRole.SecretaryGeneral, reason, verifiedAt, deliveries, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<Guid> ApproversOf(Message message) =>
        message.Approvals.Where(a => a.VersionId == message.CurrentVersionId).Select(a => a.ApproverId);

    /// <summary>Whoever approved the current version decides on its deliveries, and the Secretary General.</summary>
    /// <param name="approvers">Who approved the message's current version.</param>
    public static bool MayDecideDeliveries(IEnumerable<Guid> approvers, Guid userId, string? role) =>
        Message.MayRecall(userId, approvers, role == StaffRole.SecretaryGeneral);

    private async Task<Domain.Publishing.Delivery> DeliveryToDecideAsync(Opened opened, long deliveryId, CancellationToken cancellationToken)
    {
        if (!MayDecideDeliveries(ApproversOf(opened.Message), opened.Actor.Id, opened.Role))
        {
            throw new Domain.Common.DomainException("Delivery.NotYours");
        }

        return await db.Deliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.MessageId == opened.Message.Id, cancellationToken)
            ?? throw new Domain.Common.DomainException("Delivery.NotResendable");
    }

    public async Task CommentAsync(Opened opened, string? text, CancellationToken cancellationToken = default)
    {
        db.MessageComments.Add(opened.Message.Comment(opened.Actor.Id, text, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
