using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ElectionComms.Web.Data;

/// <summary>
/// Tells <see cref="ReadModelCache"/> that data changed only when the transaction that changed it commits: a save
/// inside an outer transaction that then rolls back must not make readers recompute (and a reader that recomputed
/// between the save and the commit would otherwise cache rows that were never committed, ADR 0011). Other processes
/// learn of it through NOTIFY "read_models", sent inside the committing transaction so that PostgreSQL delivers it
/// with the commit and never for a rollback (<see cref="ReadModelSignal"/> listens).
/// </summary>
internal sealed class ReadModelInvalidation : DbTransactionInterceptor
{
    public const string Channel = "read_models";

    public static readonly ReadModelInvalidation Instance = new();

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if ((eventData.Context as AppDbContext)?.ReadModelsNotice() is { } notice)
        {
            using var command = Notify(transaction, notice);
            command.ExecuteNonQuery();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if ((eventData.Context as AppDbContext)?.ReadModelsNotice() is { } notice)
        {
            await using var command = Notify(transaction, notice);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

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

    private static DbCommand Notify(DbTransaction transaction, string notice)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_notify('{Channel}', @notice)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "notice";
        parameter.Value = notice;
        command.Parameters.Add(parameter);
        return command;
    }
}
