using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace ElectionComms.Web.Features.Registry;

/// <summary>
/// Streams a roster file row by row (CSV: UTF-8 with or without BOM, else Windows-1252 as Excel saves "CSV" on an
/// Albanian Windows, comma or semicolon, CRLF or LF; XLSX: the first
/// sheet, cell values as text, formulas never evaluated). Whole-file problems throw <see cref="RosterFileException"/>.
/// </summary>
public static class RosterReader
{
    /// <summary>Throws on bytes that are not UTF-8 instead of replacing them with U+FFFD; skips a UTF-8 BOM.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>Excel's "CSV (comma delimited)" on Windows: ë, ç, Ë and Ç are single bytes (0xEB, 0xE7, 0xCB, 0xC7).</summary>
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static RosterFormat FormatOf(string fileName, Stream content)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = content.Read(magic);
        content.Position = 0;
        var zip = read == 2 && magic[0] == (byte)'P' && magic[1] == (byte)'K';
        return zip || fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? RosterFormat.Xlsx : RosterFormat.Csv;
    }

    public static IAsyncEnumerable<RawRow> ReadAsync(string path, RosterFormat format, CancellationToken cancellationToken)
    {
        if (new FileInfo(path).Length == 0)
        {
            throw new RosterFileException("EmptyFile");
        }

        return format == RosterFormat.Xlsx ? ReadXlsx(path, cancellationToken) : ReadCsvAsync(path, cancellationToken);
    }

    private static async IAsyncEnumerable<RawRow> ReadCsvAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        var encoding = await IsUtf8Async(stream, cancellationToken) ? StrictUtf8 : Windows1252;
        stream.Position = 0;
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";"],
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(text, configuration);
        if (!await NextAsync(csv))
        {
            throw new RosterFileException("EmptyFile");
        }

        var columns = MapHeader(csv.Parser.Record ?? []);
        var any = false;
        while (await NextAsync(csv))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            any = true;
            yield return ToRow(csv.Parser.Row, columns, i => i < record.Length ? record[i] : null, _ => false);
        }

        if (!any)
        {
            throw new RosterFileException("NoRows");
        }
    }

    /// <summary>
    /// Whether the whole file decodes as UTF-8, by a decoder that throws on the first invalid byte (no guessing from
    /// letter frequencies); read once before the rows so a fallback never mixes two encodings in one import. A UTF-16
    /// file (its BOM is not UTF-8) is refused rather than read as Windows-1252.
    /// </summary>
    private static async Task<bool> IsUtf8Async(Stream stream, CancellationToken cancellationToken)
    {
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        var first = true;
        int read;
        while ((read = await stream.ReadAsync(bytes, cancellationToken)) > 0)
        {
            if (first && read >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            {
                throw new RosterFileException("NotUtf8");
            }

            first = false;
            try
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static async Task<bool> NextAsync(CsvReader csv)
    {
        try
        {
            return await csv.ReadAsync();
        }
        catch (DecoderFallbackException)
        {
            throw new RosterFileException("NotUtf8");
        }
        catch (CsvHelperException exception) when (exception.InnerException is DecoderFallbackException)
        {
            throw new RosterFileException("NotUtf8");
        }
    }

    private static async IAsyncEnumerable<RawRow> ReadXlsx(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var formulas = FormulaCells(path);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        using var rows = Open(stream);
        if (!Next(rows))
        {
            throw new RosterFileException("EmptyFile");
        }

        var header = rows.Current;
        var letters = header.Keys.ToList();
        var columns = MapHeader(letters.Select(l => CellText(header[l])).ToArray());
        var number = 1;
        var any = false;
        while (Next(rows))
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            var row = rows.Current;
            if (row.Values.All(v => string.IsNullOrWhiteSpace(CellText(v))))
            {
                continue;
            }

            any = true;
            var current = number;
            yield return ToRow(
                number, columns, i => i < letters.Count && row.TryGetValue(letters[i], out var v) ? CellText(v) : null,
                i => i < letters.Count && formulas.Contains(letters[i] + current.ToString(CultureInfo.InvariantCulture)));
        }

        if (!any)
        {
            throw new RosterFileException("NoRows");
        }
    }

    private static IEnumerator<IDictionary<string, object?>> Open(Stream stream)
    {
        try
        {
            return MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .GetEnumerator();
        }
        catch (Exception exception) when (exception is InvalidDataException or XmlException or InvalidOperationException)
        {
            throw new RosterFileException("NotXlsx");
        }
    }

    private static bool Next(IEnumerator<IDictionary<string, object?>> rows)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception exception) when (exception is InvalidDataException or XmlException or InvalidOperationException or NotSupportedException)
        {
            throw new RosterFileException("NotXlsx");
        }
    }

    /// <summary>
    /// Cells of the first sheet that hold a formula (an &lt;f&gt; element), by reference ("B7"). MiniExcel would hand
    /// back the value Excel cached for them; a roster must hold typed values, so such cells are refused instead.
    /// </summary>
    private static HashSet<string> FormulaCells(string path)
    {
        var cells = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")
                ?? zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).MinBy(e => e.FullName);
            if (sheet is null)
            {
                throw new RosterFileException("NotXlsx");
            }

            using var xml = XmlReader.Create(sheet.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            string? cell = null;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "c")
                {
                    cell = xml.GetAttribute("r");
                }
                else if (xml.LocalName == "f" && cell is not null)
                {
                    cells.Add(cell);
                }
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or XmlException)
        {
            throw new RosterFileException("NotXlsx");
        }

        return cells;
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

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

    private static RawRow ToRow(int number, RosterColumn?[] columns, Func<int, string?> cell, Func<int, bool> isFormula)
    {
        var cells = new Dictionary<RosterColumn, string?>(columns.Length);
        var formulas = new HashSet<RosterColumn>();
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is not { } column)
            {
                continue;
            }

            cells[column] = cell(i);
            if (isFormula(i))
            {
                formulas.Add(column);
            }
        }

        return new RawRow(number, cells, formulas);
    }
}
