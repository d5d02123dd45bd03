using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace ElectionComms.Web.Features.Registry;

/// <summary>An uploaded table's kind; stored with a roster upload between preview and apply (as its number).</summary>
public enum TableFormat
{
    Csv = 1,
    Xlsx = 2,
}

/// <summary>Why an uploaded table could not be read at all; each feature turns it into its own message.</summary>
public enum TableProblem
{
    /// <summary>A CSV in UTF-16 (its BOM says so): neither UTF-8 nor the Windows-1252 fallback.</summary>
    NotUtf8 = 1,

    /// <summary>Not a readable XLSX workbook.</summary>
    NotXlsx = 2,
}

public sealed class TableFileException(TableProblem problem) : Exception(problem.ToString())
{
    public TableProblem Problem { get; } = problem;
}

/// <summary>
/// One row as read: cell text by position (null past the row's end) and which cells are formulas. <see cref="Number"/>
/// is the row's line in the file (the header is 1).
/// </summary>
public sealed class TableRow(int number, IReadOnlyList<string?> cells, Func<int, bool> xlsxFormula)
{
    public int Number { get; } = number;

    public int Count => cells.Count;

    public string? this[int index] => index >= 0 && index < cells.Count ? cells[index] : null;

    /// <summary>
    /// A formula is never evaluated nor trusted: a cell that holds one in the workbook (Excel's cached value is not
    /// typed data), or whose text starts with '=' in either format.
    /// </summary>
    public bool IsFormula(int index) => xlsxFormula(index) || (this[index]?.TrimStart().StartsWith('=') ?? false);

    public bool IsBlank => cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// The registry's one reader of uploaded tables, for the roster import and for §11 member lists alike. It streams row
/// by row, never holding the file. CSV: UTF-8 with or without BOM, else Windows-1252 as Excel saves "CSV" on an
/// Albanian Windows (decided for the whole file before the first row, so one file never mixes two encodings; UTF-16
/// is refused); comma, semicolon or tab; CRLF or LF; cells trimmed. XLSX: the first sheet, values as text (dates as
/// yyyy-MM-dd), formulas flagged, never evaluated. The first row is returned as it is (the header); blank rows after
/// it are skipped.
/// </summary>
public static class TableFile
{
    /// <summary>Throws on bytes that are not UTF-8 instead of replacing them with U+FFFD; skips a UTF-8 BOM.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>Excel's "CSV (comma delimited)" on Windows: ë, ç, Ë and Ç are single bytes (0xEB, 0xE7, 0xCB, 0xC7).</summary>
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>
    /// Rows of <paramref name="content"/>, which must be seekable (a file on disk, or a form upload, which ASP.NET Core
    /// buffers to disk past 64 KB): the CSV encoding check and the XLSX formula scan each read it once before the rows.
    /// </summary>
    public static IAsyncEnumerable<TableRow> ReadAsync(Stream content, TableFormat format, CancellationToken cancellationToken) =>
        format == TableFormat.Xlsx ? ReadXlsx(content, cancellationToken) : ReadCsvAsync(content, cancellationToken);

    private static async IAsyncEnumerable<TableRow> ReadCsvAsync(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = content.Position;
        var encoding = await IsUtf8Async(content, cancellationToken) ? StrictUtf8 : Windows1252;
        content.Position = start;
        using var text = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(text, configuration);
        var header = true;
        while (await NextAsync(csv))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = new TableRow(csv.Parser.Row, csv.Parser.Record ?? [], _ => false);
            if (header || !row.IsBlank)
            {
                yield return row;
            }

            header = false;
        }
    }

    /// <summary>
    /// Whether the whole stream decodes as UTF-8, by a decoder that throws on the first invalid byte (no guessing from
    /// letter frequencies). A UTF-16 file (its BOM is not UTF-8) is refused rather than read as Windows-1252.
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
                throw new TableFileException(TableProblem.NotUtf8);
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
            throw new TableFileException(TableProblem.NotUtf8);
        }
        catch (CsvHelperException exception) when (exception.InnerException is DecoderFallbackException)
        {
            throw new TableFileException(TableProblem.NotUtf8);
        }
    }

    private static async IAsyncEnumerable<TableRow> ReadXlsx(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = content.Position;
        var formulas = FormulaCells(content);
        content.Position = start;
        using var rows = Open(content);
        if (!Next(rows))
        {
            yield break;
        }

        var letters = rows.Current.Keys.ToList();
        yield return new TableRow(1, letters.Select(l => CellText(rows.Current[l])).ToArray(), _ => false);
        var number = 1;
        while (Next(rows))
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            var current = number.ToString(CultureInfo.InvariantCulture);
            var cells = rows.Current;
            var row = new TableRow(
                number,
                letters.Select(l => cells.TryGetValue(l, out var value) ? CellText(value) : null).ToArray(),
                i => i >= 0 && i < letters.Count && formulas.Contains(letters[i] + current));
            if (!row.IsBlank)
            {
                yield return row;
            }
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
        catch (Exception exception) when (IsUnreadable(exception))
        {
            throw new TableFileException(TableProblem.NotXlsx);
        }
    }

    private static bool Next(IEnumerator<IDictionary<string, object?>> rows)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            throw new TableFileException(TableProblem.NotXlsx);
        }
    }

    /// <summary>Any failure inside the zip, XML or spreadsheet library on an uploaded file means the file is unreadable.</summary>
    private static bool IsUnreadable(Exception exception) => exception is not (OperationCanceledException or OutOfMemoryException);

    /// <summary>
    /// Cells of the first sheet that hold a formula (an &lt;f&gt; element), by reference ("B7"), read as a stream of
    /// XML before the rows. MiniExcel would hand back the value Excel cached for them.
    /// </summary>
    private static HashSet<string> FormulaCells(Stream content)
    {
        var cells = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")
                ?? zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).MinBy(e => e.FullName)
                ?? throw new TableFileException(TableProblem.NotXlsx);
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
        catch (Exception exception) when (exception is not TableFileException && IsUnreadable(exception))
        {
            throw new TableFileException(TableProblem.NotXlsx);
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
}
