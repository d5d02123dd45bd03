using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Common;

/// <summary>
/// Where a delivery's new state is saved, by the dispatcher or by a person's decision on the message page: the
/// change and, once no delivery is open, the message's Published or PartlyFailed (<c>Message.RecordPublication</c>),
/// in one transaction so that the two can never disagree.
/// </summary>
public static class DeliveryOutcomes
{
    public static async Task SaveAsync(AppDbContext db, Guid messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var statuses = await db.Deliveries.Where(d => d.MessageId == messageId).Select(d => d.Status).ToListAsync(cancellationToken);
        var message = db.Messages.Local.FirstOrDefault(m => m.Id == messageId)
            ?? await db.Messages.SingleAsync(m => m.Id == messageId, cancellationToken);
        message.RecordPublication(statuses, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
