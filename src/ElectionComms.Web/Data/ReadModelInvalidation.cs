using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ElectionComms.Web.Data;

/// <summary>
/// Tells <see cref="ReadModelCache"/> that data changed only when the transaction that changed it commits: a save
/// inside an outer transaction that then rolls back must not make readers recompute (and a reader that recomputed
/// between the save and the commit would otherwise cache rows that were never committed, ADR 0011).
/// </summary>
internal sealed class ReadModelInvalidation : DbTransactionInterceptor
{
    public static readonly ReadModelInvalidation Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as AppDbContext)?.TransactionEnded(committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as AppDbContext)?.TransactionEnded(committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }
}
