using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;
using ElectionComms.Domain.Publishing;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Publishing;

/// <summary>
/// Groups no API reaches (§4 c: WhatsApp groups run from a phone, other platforms): the group's assigned officer
/// copies the approved text, posts it by hand and confirms the time; after a recall, deletes it by hand and confirms.
/// Only the message's current, approved version is offered, and only when its stored content still hashes to the
/// approved hash. Each confirmation is saved through EF, so it is audited with its author.
/// </summary>
public sealed class ManualPosting(AppDbContext db, TimeProvider clock)
{
    public sealed record Work(
        long DeliveryId, Guid MessageId, string Group, Domain.Channels.Platform Platform, DeliveryStatus Status, DateTimeOffset NotBefore,
        string Text, string ContentHash, bool ContentIntact, string? AttachmentName);

    /// <summary>What waits for this officer's hands: due or scheduled posts, and deletions after a recall.</summary>
    public async Task<IReadOnlyList<Work>> WaitingForAsync(CurrentStaff user, CancellationToken cancellationToken)
    {
        var rows = await (from d in db.Deliveries.AsNoTracking()
                          join g in db.Groups on d.GroupId equals g.Id
                          join m in db.Messages on d.MessageId equals m.Id
                          join v in db.MessageVersions on d.VersionId equals v.Id
                          where d.Method == DeliveryMethod.Manual
                                && (d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Recalling)
                                && m.CurrentVersionId == d.VersionId
                                && (user.Role == StaffRole.SecretaryGeneral || g.Officers.Any(o => o.StaffMemberId == user.Id))
                          orderby d.NotBefore, g.Name
                          select new
                          {
                              d.Id,
                              d.MessageId,
                              g.Name,
                              g.Platform,
                              d.Status,
                              d.NotBefore,
                              d.ContentHash,
                              d.VersionId,
                              Attachment = db.MessageAttachments.Where(a => a.Id == v.AttachmentId).Select(a => a.FileName).FirstOrDefault(),
                          })
            .ToListAsync(cancellationToken);

        // The hash is computed again from what is stored, as the dispatcher does before a send.
        var versionIds = rows.Select(r => r.VersionId).Distinct().ToList();
        var contents = await db.MessageVersions.AsNoTracking().Include(v => v.Targets)
            .Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Content, cancellationToken);
        return [.. rows.Select(r => new Work(
            r.Id, r.MessageId, r.Name, r.Platform, r.Status, r.NotBefore, contents[r.VersionId].PublishedText, r.ContentHash,
            contents[r.VersionId].Hash() == r.ContentHash, r.Attachment))];
    }

    public async Task PostedAsync(CurrentStaff user, long deliveryId, DateTimeOffset postedAt, CancellationToken cancellationToken)
    {
        var delivery = await MineAsync(user, deliveryId, cancellationToken);
        var version = await db.MessageVersions.AsNoTracking().Include(v => v.Targets).SingleAsync(v => v.Id == delivery.VersionId, cancellationToken);
        var current = await db.Messages.Where(m => m.Id == delivery.MessageId).Select(m => m.CurrentVersionId).SingleAsync(cancellationToken);
        if (current != delivery.VersionId || version.Content.Hash() != delivery.ContentHash)
        {
            throw new DomainException("Delivery.NotManual");
        }

        var now = clock.GetUtcNow();
        delivery.PostedByHand(user.Id, postedAt, now);
        await Common.DeliveryOutcomes.SaveAsync(db, delivery.MessageId, now, cancellationToken);
    }

    public async Task DeletedAsync(CurrentStaff user, long deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await MineAsync(user, deliveryId, cancellationToken);
        if (delivery.Method != DeliveryMethod.Manual)
        {
            throw new DomainException("Delivery.NotManual");
        }

        delivery.Recalled(user.Id, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Delivery> MineAsync(CurrentStaff user, long deliveryId, CancellationToken cancellationToken) =>
        await db.Deliveries.Where(d => d.Id == deliveryId && d.Method == DeliveryMethod.Manual
                && (user.Role == StaffRole.SecretaryGeneral
                    || db.Groups.Any(g => g.Id == d.GroupId && g.Officers.Any(o => o.StaffMemberId == user.Id))))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new DomainException("Delivery.NotManual");
}
