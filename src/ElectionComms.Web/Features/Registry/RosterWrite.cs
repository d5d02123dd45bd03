using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Audit;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace ElectionComms.Web.Features.Registry;

/// <summary>
/// Applies a checked roster from the staging table with set-based statements, a batch of <see cref="BatchSize"/> rows
/// at a time, and records one audit row per person written, in the same shape and masking as a tracked change
/// (ADR 0013). Runs inside the importer's transaction: every valid row is written, or none.
/// </summary>
/// <remarks>
/// The rows were checked by <see cref="RosterRowParser"/> against the same limits as <see cref="Person"/>, and across
/// rows and against the registry by <see cref="RosterStage"/>; these statements only copy checked values.
/// </remarks>
internal sealed class RosterWrite(NpgsqlConnection connection, RosterStage stage, IEntityType person, AuditActor actor, DateTimeOffset now)
{
    public const int BatchSize = 5_000;

    private const string Entity = nameof(Person);

    /// <summary>Ends first (freeing numbers), then changes, then new people.</summary>
    public async Task RunAsync(int electionId, ImportMode mode, string endReason, CancellationToken cancellationToken)
    {
        if (mode == ImportMode.FullRoster)
        {
            await EndAbsentAsync(endReason, cancellationToken);
        }

        await ChangeAsync(cancellationToken);
        await AddAsync(electionId, cancellationToken);
    }

    private async Task EndAbsentAsync(string endReason, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using (var command = stage.Command($"""
            UPDATE people SET status = 'Ended', ended_at = @now, end_reason = @reason
            WHERE id IN (SELECT p.id {RosterStage.Absent}) RETURNING id
            """))
        {
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("reason", endReason);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt32(0).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (ids.Count == 0)
        {
            return;
        }

        var details = AuditTrail.DescribeUpdated(person, name => name switch
        {
            nameof(Person.Status) => (nameof(PersonStatus.Active), nameof(PersonStatus.Ended)),
            nameof(Person.EndedAt) => (null, now),
            nameof(Person.EndReason) => (null, endReason),
            _ => (null, null),
        });
        await BulkAuditWriter.WriteAsync(connection, actor, now, Entity, AuditTrail.Updated, ids.Select(id => (id, details)), cancellationToken);
    }

    private async Task ChangeAsync(CancellationToken cancellationToken)
    {
        for (var after = 0; ;)
        {
            var rows = new List<(string Id, string Details)>();
            await using (var command = stage.Command($"""
                WITH c AS (
                    SELECT s.row_no, p.id, p.full_name, p.phone, p.role, p.level, p.unit_id, p.mandate_from, p.mandate_to,
                           p.status, p.ended_at, p.end_reason
                    FROM roster_stage s JOIN people p ON p.id = s.person_id
                    WHERE s.problem IS NULL AND s.row_no > @after AND {RosterStage.Differs}
                    ORDER BY s.row_no LIMIT @limit
                    FOR UPDATE OF p)
                UPDATE people p
                SET full_name = s.full_name, phone = s.phone, role = s.role, level = s.level, unit_id = s.unit_id,
                    mandate_from = s.mandate_from, mandate_to = s.mandate_to, status = 'Active', ended_at = NULL, end_reason = NULL
                FROM c JOIN roster_stage s ON s.row_no = c.row_no
                WHERE p.id = c.id
                RETURNING c.row_no, p.id,
                    c.full_name, c.phone, c.role, c.level, c.unit_id, c.mandate_from, c.mandate_to, c.status, c.ended_at, c.end_reason,
                    p.full_name, p.phone, p.role, p.level, p.unit_id, p.mandate_from, p.mandate_to
                """))
            {
                command.Parameters.AddWithValue("after", after);
                command.Parameters.AddWithValue("limit", BatchSize);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    after = Math.Max(after, reader.GetInt32(0));
                    rows.Add((Key(reader.GetInt32(1)), AuditTrail.DescribeUpdated(person, name => Change(reader, name))));
                }
            }

            if (rows.Count == 0)
            {
                return;
            }

            await BulkAuditWriter.WriteAsync(connection, actor, now, Entity, AuditTrail.Updated, rows, cancellationToken);
        }
    }

    private async Task AddAsync(int electionId, CancellationToken cancellationToken)
    {
        for (var after = 0; ;)
        {
            int? upTo;
            await using (var last = stage.Command("""
                SELECT max(row_no) FROM (SELECT row_no FROM roster_stage WHERE problem IS NULL AND person_id IS NULL
                AND row_no > @after ORDER BY row_no LIMIT @limit) b
                """))
            {
                last.Parameters.AddWithValue("after", after);
                last.Parameters.AddWithValue("limit", BatchSize);
                upTo = await last.ExecuteScalarAsync(cancellationToken) as int?;
            }

            if (upTo is not { } end)
            {
                return;
            }

            var rows = new List<(string Id, string Details)>();
            await using (var command = stage.Command("""
                INSERT INTO people (election_id, full_name, phone, role, level, unit_id, mandate_from, mandate_to, status)
                SELECT @election, full_name, phone, role, level, unit_id, mandate_from, mandate_to, 'Active'
                FROM roster_stage WHERE problem IS NULL AND person_id IS NULL AND row_no > @after AND row_no <= @upTo
                ORDER BY row_no
                RETURNING id, full_name, phone, role, level, unit_id, mandate_from, mandate_to
                """))
            {
                command.Parameters.AddWithValue("after", after);
                command.Parameters.AddWithValue("upTo", end);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((Key(reader.GetInt32(0)), AuditTrail.DescribeCreated(person, name => name switch
                    {
                        nameof(Person.ElectionId) => electionId,
                        nameof(Person.Status) => nameof(PersonStatus.Active),
                        nameof(Person.EndedAt) or nameof(Person.EndReason) => null,
                        _ => Value(reader, name, first: 1),
                    })));
                }
            }

            await BulkAuditWriter.WriteAsync(connection, actor, now, Entity, AuditTrail.Created, rows, cancellationToken);
            after = end;
        }
    }

    /// <summary>Old (from the locked row) and new value of one property of a changed person.</summary>
    private static (object? Old, object? New) Change(NpgsqlDataReader reader, string name) => name switch
    {
        nameof(Person.Status) => (reader.GetString(9), nameof(PersonStatus.Active)),
        nameof(Person.EndedAt) => (reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10), null),
        nameof(Person.EndReason) => (reader.IsDBNull(11) ? null : reader.GetString(11), null),
        // The election never changes on import.
        nameof(Person.ElectionId) => (null, null),
        _ => (Value(reader, name, first: 2), Value(reader, name, first: 12)),
    };

    /// <summary>A roster column of the person, read from the block of columns starting at <paramref name="first"/>.</summary>
    private static object? Value(NpgsqlDataReader reader, string name, int first) => name switch
    {
        nameof(Person.FullName) => reader.GetString(first),
        nameof(Person.Phone) => reader.GetString(first + 1),
        nameof(Person.Role) => reader.GetString(first + 2),
        nameof(Person.Level) => reader.GetString(first + 3),
        nameof(Person.UnitId) => reader.GetInt32(first + 4),
        nameof(Person.MandateFrom) => reader.GetFieldValue<DateOnly>(first + 5),
        nameof(Person.MandateTo) => reader.IsDBNull(first + 6) ? null : reader.GetFieldValue<DateOnly>(first + 6),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a roster column of a person."),
    };

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
