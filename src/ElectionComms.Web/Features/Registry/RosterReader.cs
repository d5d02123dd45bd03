using System.Runtime.CompilerServices;

namespace ElectionComms.Web.Features.Registry;

/// <summary>
/// Reads a roster file row by row through the registry's one table reader (<see cref="TableFile"/>: encodings,
/// delimiters, formulas) and maps its header to <see cref="RosterColumn"/>s. Whole-file problems throw
/// <see cref="RosterFileException"/>.
/// </summary>
public static class RosterReader
{
    public static TableFormat FormatOf(string fileName, Stream content)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = content.Read(magic);
        content.Position = 0;
        var zip = read == 2 && magic[0] == (byte)'P' && magic[1] == (byte)'K';
        return zip || fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? TableFormat.Xlsx : TableFormat.Csv;
    }

    public static async IAsyncEnumerable<RawRow> ReadAsync(string path, TableFormat format, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        if (stream.Length == 0)
        {
            throw new RosterFileException("EmptyFile");
        }

        await using var rows = TableFile.ReadAsync(stream, format, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        if (!await NextAsync(rows))
        {
            throw new RosterFileException("EmptyFile");
        }

        var header = rows.Current;
        var columns = MapHeader(Enumerable.Range(0, header.Count).Select(i => header[i]).ToArray());
        var any = false;
        while (await NextAsync(rows))
        {
            any = true;
            yield return ToRow(rows.Current, columns);
        }

        if (!any)
        {
            throw new RosterFileException("NoRows");
        }
    }

    private static async ValueTask<bool> NextAsync(IAsyncEnumerator<TableRow> rows)
    {
        try
        {
            return await rows.MoveNextAsync();
        }
        catch (TableFileException exception)
        {
            throw new RosterFileException(exception.Problem.ToString());
        }
    }

    /// <summary>Header text → column, by position. Unknown, repeated or missing columns refuse the whole file.</summary>
    private static RosterColumn?[] MapHeader(string?[] headers)
    {
        var columns = new RosterColumn?[headers.Length];
        for (var i = 0; i < headers.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(headers[i]))
            {
                continue;
            }

            var column = RosterColumns.ColumnOf(headers[i]) ?? throw new RosterFileException("UnknownColumn", headers[i]!.Trim());
            if (columns.Contains(column))
            {
                throw new RosterFileException("RepeatedColumn", headers[i]!.Trim());
            }

            columns[i] = column;
        }

        // "Emër" and "Mbiemër" stand for the full name together; "Emri" alone is the full name.
        var given = Array.IndexOf(columns, RosterColumn.GivenName);
        if (!columns.Contains(RosterColumn.FullName) && given >= 0 && !columns.Contains(RosterColumn.Surname))
        {
            columns[given] = RosterColumn.FullName;
        }

        var named = columns.Contains(RosterColumn.FullName) || columns.Contains(RosterColumn.GivenName);
        var missing = RosterColumns.All.Where(c => !(c.Column == RosterColumn.FullName && named)).Where(c => !RosterColumns.Optional.Contains(c.Column) && !columns.Contains(c.Column)).ToList();
        if (missing.Count > 0)
        {
            throw new RosterFileException("MissingColumns", string.Join(", ", missing.Select(m => m.Header)));
        }

        return columns;
    }

    private static RawRow ToRow(TableRow row, RosterColumn?[] columns)
    {
        var cells = new Dictionary<RosterColumn, string?>(columns.Length);
        var formulas = new HashSet<RosterColumn>();
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is not { } column)
            {
                continue;
            }

            cells[column] = row[i];
            if (row.IsFormula(i))
            {
                formulas.Add(column);
            }
        }

        return new RawRow(row.Number, cells, formulas);
    }
}
