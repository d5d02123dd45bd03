using Npgsql;
using NpgsqlTypes;

namespace ElectionComms.Web.Data.Audit;

/// <summary>
/// Writes the audit rows of a bulk SQL write by binary COPY on the caller's connection and transaction, so the rows
/// and the data they describe commit or roll back together. The details come from <see cref="AuditTrail"/>, so
/// bulk and tracked changes look the same in the trail (ADR 0013).
/// </summary>
internal static class BulkAuditWriter
{
    public static async Task WriteAsync(
        NpgsqlConnection connection, AuditActor actor, DateTimeOffset now, string entity, string verb,
        IEnumerable<(string EntityId, string Details)> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY audit_entries (occurred_at, actor_id, actor_name, action, entity, entity_id, details) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        var action = $"{entity}.{verb}";
        var actorName = actor.Name.Length <= AuditEntry.ActorNameMaxLength ? actor.Name : actor.Name[..AuditEntry.ActorNameMaxLength];
        foreach (var (entityId, details) in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            if (actor.Id is { } id)
            {
                await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
            }
            else
            {
                await writer.WriteNullAsync(cancellationToken);
            }

            await writer.WriteAsync(actorName, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(action, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(entity, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(entityId, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(details, NpgsqlDbType.Text, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }
}
