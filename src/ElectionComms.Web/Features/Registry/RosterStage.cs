using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;
using Npgsql;
using NpgsqlTypes;

namespace ElectionComms.Web.Features.Registry;

/// <summary>
/// The valid rows of one roster file in a temporary table (binary COPY), where the checks across rows and against
/// the registry run as a handful of set-based statements instead of per-row queries or whole-file dictionaries.
/// The table lives in the caller's transaction and disappears at its end.
/// </summary>
/// <remarks>
/// A row belongs to an existing person of the election when (1) an active person has its phone and name, else
/// (2) an active person of the same unit has its name (the number changed), else (3) an ended person has its phone
/// and name (reinstated). Otherwise the row is a new person.
/// </remarks>
internal sealed class RosterStage(NpgsqlConnection connection, int electionId, ImportMode mode)
{
    /// <summary>The condition under which a matched row changes its person (p) — otherwise it is unchanged.</summary>
    internal const string Differs = """
        (p.status <> 'Active' OR p.full_name <> s.full_name OR p.phone <> s.phone OR p.role <> s.role
         OR p.level <> s.level OR p.unit_id <> s.unit_id OR p.mandate_from <> s.mandate_from
         OR p.mandate_to IS DISTINCT FROM s.mandate_to)
        """;

    /// <summary>
    /// Active people of the file's units that no row of the file names: a full roster ends them. A row that is in the
    /// file but failed a check still names its person (ADR 0018): a refused staged row by its number, or by name in
    /// its unit; a row that failed its own checks (<c>roster_unread</c>) by whichever identifying cells did parse — its
    /// number, else its name (in its unit, or anywhere when the unit is unreadable), else, with neither name nor number,
    /// everybody of its unit (or of the file's units) — because it might be any of them.
    /// </summary>
    internal const string Absent = """
        FROM people p
        WHERE p.election_id = @election AND p.status = 'Active'
          AND EXISTS (SELECT 1 FROM roster_stage u WHERE u.level = p.level AND u.unit_id = p.unit_id)
          AND NOT EXISTS (SELECT 1 FROM roster_stage t WHERE t.person_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM roster_stage t WHERE t.problem IS NOT NULL
                          AND (t.phone = p.phone OR (lower(t.full_name) = lower(p.full_name) AND t.level = p.level AND t.unit_id = p.unit_id)))
          AND NOT EXISTS (SELECT 1 FROM roster_unread r WHERE r.phone = p.phone
                          OR ((r.full_name IS NULL OR lower(r.full_name) = lower(p.full_name)) AND (r.phone IS NULL OR r.full_name IS NOT NULL)
                              AND (r.unit_id IS NULL OR (r.level = p.level AND r.unit_id = p.unit_id))))
        """;

    private static readonly string[] Checks =
    [
        // The same number twice in the file: in two units it is one person in two units (every such row is refused),
        // in one unit a plain duplicate (the first row stands).
        """
        WITH d AS (
            SELECT phone, min(row_no) AS first_row, max(row_no) AS last_row, count(DISTINCT (level, unit_id)) AS units
            FROM roster_stage GROUP BY phone HAVING count(*) > 1)
        UPDATE roster_stage s
        SET problem = CASE WHEN d.units > 1 THEN 'PersonInTwoUnits' ELSE 'DuplicatePhone' END,
            problem_row = CASE WHEN s.row_no = d.first_row THEN d.last_row ELSE d.first_row END
        FROM d WHERE s.phone = d.phone AND (d.units > 1 OR s.row_no > d.first_row)
        """,
        """
        UPDATE roster_stage s SET person_id = p.id
        FROM people p
        WHERE s.problem IS NULL AND p.election_id = @election AND p.status = 'Active' AND p.phone = s.phone
          AND lower(p.full_name) = lower(s.full_name)
        """,
        """
        UPDATE roster_stage s SET person_id = m.id
        FROM (SELECT DISTINCT ON (s2.row_no) s2.row_no, p.id
              FROM roster_stage s2
              JOIN people p ON p.election_id = @election AND p.status = 'Active' AND p.level = s2.level
                   AND p.unit_id = s2.unit_id AND lower(p.full_name) = lower(s2.full_name)
              WHERE s2.problem IS NULL AND s2.person_id IS NULL
                AND NOT EXISTS (SELECT 1 FROM roster_stage t WHERE t.person_id = p.id)
              ORDER BY s2.row_no, p.id) m
        WHERE s.row_no = m.row_no
        """,
        """
        UPDATE roster_stage s SET person_id = m.id
        FROM (SELECT DISTINCT ON (s2.row_no) s2.row_no, p.id
              FROM roster_stage s2
              JOIN people p ON p.election_id = @election AND p.status = 'Ended' AND p.phone = s2.phone
                   AND lower(p.full_name) = lower(s2.full_name)
              WHERE s2.problem IS NULL AND s2.person_id IS NULL
              ORDER BY s2.row_no, p.ended_at DESC, p.id DESC) m
        WHERE s.row_no = m.row_no
        """,
        // Two rows that name the same person (same name and unit, different numbers): the first stands.
        """
        WITH d AS (SELECT person_id, min(row_no) AS first_row FROM roster_stage
                   WHERE person_id IS NOT NULL AND problem IS NULL GROUP BY person_id HAVING count(*) > 1)
        UPDATE roster_stage s SET problem = 'DuplicatePerson', problem_row = d.first_row
        FROM d WHERE s.person_id = d.person_id AND s.row_no > d.first_row
        """,
        // The number belongs to another active person whom this file neither lists nor (as a full roster) ends.
        """
        UPDATE roster_stage s SET problem = 'PhoneTaken'
        FROM people p
        WHERE s.problem IS NULL AND p.election_id = @election AND p.status = 'Active' AND p.phone = s.phone
          AND p.id IS DISTINCT FROM s.person_id
          AND NOT EXISTS (SELECT 1 FROM roster_stage t WHERE t.person_id = p.id AND t.problem IS NULL)
          AND NOT (@full AND EXISTS (SELECT 1 FROM roster_stage u WHERE u.level = p.level AND u.unit_id = p.unit_id))
        """,
    ];

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            """
            CREATE TEMP TABLE roster_stage (
                row_no int PRIMARY KEY, full_name text NOT NULL, phone text NOT NULL, role text NOT NULL,
                level text NOT NULL, unit_id int NOT NULL, mandate_from date NOT NULL, mandate_to date,
                person_id int, problem text, problem_row int) ON COMMIT DROP
            """,
            cancellationToken);
        await ExecuteAsync(
            "CREATE TEMP TABLE roster_unread (row_no int PRIMARY KEY, full_name text, phone text, level text, unit_id int) ON COMMIT DROP",
            cancellationToken);
    }

    /// <summary>The rows that failed their own checks, by what identifies them (see <see cref="Absent"/>).</summary>
    public async Task CopyUnreadAsync(IReadOnlyList<UnreadRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY roster_unread (row_no, full_name, phone, level, unit_id) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(row.Number, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync((object?)row.FullName ?? DBNull.Value, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync((object?)row.Phone ?? DBNull.Value, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync((object?)row.Level?.ToString() ?? DBNull.Value, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync((object?)row.UnitId ?? DBNull.Value, NpgsqlDbType.Integer, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>The ids of the people a full roster ends (none for a list of changes), for the preview's list.</summary>
    public async Task<List<int>> EndedAsync(CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        if (mode != ImportMode.FullRoster)
        {
            return ids;
        }

        await using var command = Command($"SELECT p.id {Absent} ORDER BY p.id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    /// <summary>Active people of the election: ending more than a tenth of them needs a second confirmation.</summary>
    public async Task<int> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT count(*) FROM people WHERE election_id = @election AND status = 'Active'");
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task CopyAsync(IAsyncEnumerable<RosterRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY roster_stage (row_no, full_name, phone, role, level, unit_id, mandate_from, mandate_to) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(row.Number, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.FullName, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Phone, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Role.ToString(), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Level.ToString(), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.UnitId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.MandateFrom, NpgsqlDbType.Date, cancellationToken);
            if (row.MandateTo is { } to)
            {
                await writer.WriteAsync(to, NpgsqlDbType.Date, cancellationToken);
            }
            else
            {
                await writer.WriteNullAsync(cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("ANALYZE roster_stage", cancellationToken);
        foreach (var sql in Checks)
        {
            await ExecuteAsync(sql, cancellationToken);
        }
    }

    public async Task<List<RowError>> ProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<RowError>();
        await using var command = Command("SELECT row_no, problem, problem_row FROM roster_stage WHERE problem IS NOT NULL ORDER BY row_no");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var code = reader.GetString(1);
            var column = RosterColumns.Header(code == "DuplicatePerson" ? RosterColumn.FullName : RosterColumn.Phone);
            var other = reader.IsDBNull(2) ? null : reader.GetInt32(2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            problems.Add(new RowError(reader.GetInt32(0), column, code, other));
        }

        return problems;
    }

    /// <summary>New, changed and unchanged rows, and (full roster only) the people it ends.</summary>
    public async Task<(int New, int Changed, int Unchanged, int Ended)> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = Command($"""
            SELECT
              (SELECT count(*) FROM roster_stage WHERE problem IS NULL AND person_id IS NULL),
              (SELECT count(*) FROM roster_stage s JOIN people p ON p.id = s.person_id WHERE s.problem IS NULL AND {Differs}),
              (SELECT count(*) FROM roster_stage s JOIN people p ON p.id = s.person_id WHERE s.problem IS NULL AND NOT {Differs}),
              CASE WHEN @full THEN (SELECT count(*) {Absent}) ELSE 0 END
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3));
    }

    internal NpgsqlCommand Command(string sql)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("election", electionId);
        command.Parameters.AddWithValue("full", mode == ImportMode.FullRoster);
        return command;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
