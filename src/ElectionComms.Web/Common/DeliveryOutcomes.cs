using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Publishing;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Common;

/// <summary>
/// Where a delivery's new state is saved, by the dispatcher or by a person's decision on the message page, and where
/// a message whose deliveries are all settled becomes Published, Uncertain or PartlyFailed
/// (<c>Message.RecordPublication</c>).
/// </summary>
/// <remarks>
/// The message is settled after the delivery's own commit, never inside it: two dispatchers finishing the last two
/// deliveries at once would each still see the other's open inside their transactions, and neither would settle.
/// After its commit, the later of the two sees both. If both settle, the message's row version refuses the second,
/// which reads again and finds nothing to change. A process that dies between the two steps leaves the message for
/// <see cref="SettleForgottenAsync"/>, which every dispatcher run calls.
/// </remarks>
public static class DeliveryOutcomes
{
    public static async Task SaveAsync(AppDbContext db, Guid messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await SettleAsync(db, messageId, now, cancellationToken);
    }

    /// <summary>Messages still on their way whose deliveries are all settled: a process stopped between the two steps.</summary>
    public static async Task SettleForgottenAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var forgotten = await db.Messages
            .Where(m => m.Status == MessageStatus.Queued
                && db.Deliveries.Any(d => d.MessageId == m.Id)
                && !db.Deliveries.Any(d => d.MessageId == m.Id && (d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Sending)))
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in forgotten)
        {
            await SettleAsync(db, id, now, cancellationToken);
        }
    }

    private static async Task SettleAsync(AppDbContext db, Guid messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // During a fan-out most outcomes leave others open; that question is one probe of ix_deliveries_open.
            if (await db.Deliveries.AnyAsync(d => d.MessageId == messageId && (d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Sending), cancellationToken))
            {
                return;
            }

            var statuses = await db.Deliveries.Where(d => d.MessageId == messageId).Select(d => d.Status).ToListAsync(cancellationToken);
            var message = db.Messages.Local.FirstOrDefault(m => m.Id == messageId)
                ?? await db.Messages.SingleAsync(m => m.Id == messageId, cancellationToken);
            message.RecordPublication(statuses, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Settled (or changed) by someone else in the same moment: read it again and look once more.
                db.ChangeTracker.Clear();
            }
        }
    }
}
