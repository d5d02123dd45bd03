using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.WebUtilities;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace ElectionComms.Web.Exports;

public enum ExportFormat
{
    Csv = 1,
    Xlsx = 2,
}

/// <summary>
/// Writes a table (localised headers and rows read one at a time from the database) as CSV or XLSX, escaping every
/// text cell with <see cref="SpreadsheetText"/>. Returns the number of data rows written. §13: data are exported in
/// a readable format (registration in the protocol register is not built yet).
/// </summary>
public static class TableExport
{
    public static string ContentType(ExportFormat format) => format == ExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? "xlsx" : "csv";

    public static Task<int> WriteAsync(
        ExportFormat format, Stream output, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows,
        CultureInfo culture, CancellationToken cancellationToken) => format == ExportFormat.Xlsx
        ? WriteXlsxAsync(output, headers, rows, cancellationToken)
        : WriteCsvAsync(output, headers, rows, culture, cancellationToken);

    /// <summary>
    /// UTF-8 with a byte-order mark so Excel reads ë and ç correctly, and the culture's list separator (";" for
    /// Albanian, "," for English) so Excel splits the columns when it opens the file by double-click.
    /// </summary>
    public static async Task<int> WriteCsvAsync(
        Stream output, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, CultureInfo culture,
        CancellationToken cancellationToken)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, new CsvConfiguration(culture));
        foreach (var header in headers)
        {
            csv.WriteField(SpreadsheetText.Escape(header));
        }

        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in row)
            {
                csv.WriteField(SpreadsheetText.Cell(cell));
            }

            await csv.NextRecordAsync();
            count++;
        }

        await csv.FlushAsync();
        return count;
    }

    /// <summary>
    /// MiniExcel reads the rows as an async stream and keeps only one in memory, but its zip writer writes
    /// synchronously, which ASP.NET Core forbids on the response; so the file goes through a
    /// <see cref="FileBufferingWriteStream"/> (memory up to 32 KB, then a temporary file) and is copied out asynchronously.
    /// </summary>
    public static async Task<int> WriteXlsxAsync(
        Stream output, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var rowsRead = rows.GetAsyncEnumerator(cancellationToken);
        var any = await rowsRead.MoveNextAsync();
        async IAsyncEnumerable<Dictionary<string, object?>> Records()
        {
            for (var more = any; more; more = await rowsRead.MoveNextAsync())
            {
                var row = rowsRead.Current;
                var record = new Dictionary<string, object?>(headers.Count);
                for (var i = 0; i < headers.Count; i++)
                {
                    record[headers[i]] = SpreadsheetText.Cell(row[i]);
                }

                count++;
                yield return record;
            }
        }

        // With no rows MiniExcel cannot see the columns, so an empty table is written from the headers (a template).
        object sheet = any ? Records() : EmptyTable(headers);
        await using var buffer = new FileBufferingWriteStream();
        await MiniExcel.SaveAsAsync(buffer, sheet, configuration: new OpenXmlConfiguration { FastMode = false }, cancellationToken: cancellationToken);
        await buffer.DrainBufferAsync(output, cancellationToken);
        return count;
    }

    private static System.Data.DataTable EmptyTable(IReadOnlyList<string> headers)
    {
        var table = new System.Data.DataTable();
        foreach (var header in headers)
        {
            table.Columns.Add(header, typeof(string));
        }

        return table;
    }
}
