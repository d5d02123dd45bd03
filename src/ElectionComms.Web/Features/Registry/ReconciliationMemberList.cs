using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using ElectionComms.Domain.Registry;
using MiniExcelLibs;

namespace ElectionComms.Web.Features.Registry;

/// <summary>Why a member list could not be read; <see cref="Code"/> is a resource key.</summary>
public sealed class MemberListException(string code, params object[] arguments) : Exception(code)
{
    public string Code { get; } = code;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}

/// <summary>
/// Reads a group's member list as WhatsApp or Telegram admins export it (CSV in UTF-8 with comma or semicolon, or
/// XLSX) into <see cref="MemberObservation"/>s. Columns are found by their header, in Albanian or English.
/// </summary>
public static class ReconciliationMemberList
{
    /// <summary>More than the largest Telegram group (200,000) so any real export fits.</summary>
    public const int MaxRows = 250_000;

    public const long MaxFileBytes = 10 * 1024 * 1024;

    private static readonly string[] PhoneHeaders =
        ["phone", "phonenumber", "telefoni", "telefon", "nrtelefoni", "numriitelefonit", "numri", "mobile", "celular", "tel", "number"];

    private static readonly string[] NameHeaders =
        ["name", "emri", "emer", "emriplote", "emriimbiemri", "fullname", "displayname", "contact", "contactname"];

    private static readonly string[] FirstNameHeaders = ["firstname", "givenname"];

    private static readonly string[] LastNameHeaders = ["lastname", "surname", "mbiemri"];

    public static string AcceptedHeaders => "phone, telefoni, Phone Number, name, emri, first name / last name";

    public static async Task<List<MemberObservation>> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var rows = extension switch
        {
            ".xlsx" => ReadXlsx(content),
            ".csv" or ".txt" => ReadCsv(content),
            _ => throw new MemberListException("Reconciliation.FileType"),
        };
        var result = new List<MemberObservation>();
        Columns? columns = null;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (columns is null)
            {
                columns = Columns.Find(row);
                continue;
            }

            var observation = columns.Read(row);
            if (observation is null)
            {
                continue;
            }

            if (result.Count == MaxRows)
            {
                throw new MemberListException("Reconciliation.TooManyRows", MaxRows);
            }

            result.Add(observation);
        }

        return result.Count == 0 ? throw new MemberListException("Reconciliation.FileEmpty") : result;
    }

    private static async IAsyncEnumerable<string?[]> ReadCsv(Stream content)
    {
        // Strict UTF-8: a file saved in another encoding is refused rather than read as mojibake.
        using var text = new StreamReader(content, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(text, configuration);
        while (true)
        {
            bool more;
            try
            {
                more = await csv.ReadAsync();
            }
            catch (DecoderFallbackException)
            {
                throw new MemberListException("Reconciliation.Encoding");
            }

            if (!more)
            {
                yield break;
            }

            yield return csv.Parser.Record ?? [];
        }
    }

    /// <summary>Any failure inside the spreadsheet library on an uploaded file means the file is unreadable, whatever its type.</summary>
    private static async IAsyncEnumerable<string?[]> ReadXlsx(Stream content)
    {
        IEnumerable<IDictionary<string, object?>> rows;
        try
        {
            rows = (await MiniExcel.QueryAsync(content, useHeaderRow: false, excelType: ExcelType.XLSX))
                .Cast<IDictionary<string, object?>>();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new MemberListException("Reconciliation.FileUnreadable");
        }

        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new MemberListException("Reconciliation.FileUnreadable");
            }

            // Formulas are not evaluated: MiniExcel returns the value the spreadsheet cached, read as text.
            yield return enumerator.Current.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray();
        }
    }

    private sealed class Columns(int phoneIndex, int nameIndex, int firstIndex, int lastIndex)
    {
        public static Columns Find(string?[] header)
        {
            var keys = header.Select(Key).ToArray();
            int Index(string[] names) => Array.FindIndex(keys, names.Contains);
            var columns = new Columns(Index(PhoneHeaders), Index(NameHeaders), Index(FirstNameHeaders), Index(LastNameHeaders));
            return columns.PhoneIndex < 0 && columns.NameIndex < 0 && columns.FirstIndex < 0
                ? throw new MemberListException("Reconciliation.ColumnsMissing", AcceptedHeaders)
                : columns;
        }

        private int PhoneIndex => phoneIndex;

        private int NameIndex => nameIndex;

        private int FirstIndex => firstIndex;

        public MemberObservation? Read(string?[] row)
        {
            string? Cell(int index) => index >= 0 && index < row.Length && !string.IsNullOrWhiteSpace(row[index]) ? row[index]!.Trim() : null;
            var name = Cell(nameIndex) ?? string.Join(' ', new[] { Cell(firstIndex), Cell(lastIndex) }.Where(n => n is not null));
            var phoneValue = Cell(phoneIndex);
            return phoneValue is null && string.IsNullOrWhiteSpace(name) ? null : new MemberObservation(phoneValue, string.IsNullOrWhiteSpace(name) ? null : name);
        }

        private static string Key(string? header) =>
            new(NameFolding.Fold(header).Where(char.IsLetterOrDigit).ToArray());
    }
}
