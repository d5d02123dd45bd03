using System.Runtime.CompilerServices;
using ElectionComms.Domain.Registry;

namespace ElectionComms.Web.Features.Registry;

/// <summary>Why a member list could not be read; <see cref="Code"/> is a resource key.</summary>
public sealed class MemberListException(string code, params object[] arguments) : Exception(code)
{
    public string Code { get; } = code;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}

/// <summary>
/// Reads a group's member list as WhatsApp or Telegram admins export it (CSV or XLSX, through the registry's one
/// table reader <see cref="TableFile"/>: the same encodings and formula rule as the roster import) into
/// <see cref="MemberObservation"/>s, one at a time. Columns are found by their header, in Albanian or English.
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

    /// <summary>
    /// The file's members as they are read (never the whole list at once); throws <see cref="MemberListException"/> for
    /// a file of the wrong type, an unreadable or empty one, or one of more than <see cref="MaxRows"/> members.
    /// </summary>
    public static async IAsyncEnumerable<MemberObservation> ReadAsync(
        Stream content, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var format = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => TableFormat.Xlsx,
            ".csv" or ".txt" => TableFormat.Csv,
            _ => throw new MemberListException("Reconciliation.FileType"),
        };
        await using var rows = TableFile.ReadAsync(content, format, cancellationToken).GetAsyncEnumerator(cancellationToken);
        if (!await NextAsync(rows))
        {
            throw new MemberListException("Reconciliation.FileEmpty");
        }

        var columns = Columns.Find(rows.Current);
        var count = 0;
        while (await NextAsync(rows))
        {
            if (columns.Read(rows.Current) is not { } observation)
            {
                continue;
            }

            if (++count > MaxRows)
            {
                throw new MemberListException("Reconciliation.TooManyRows", MaxRows);
            }

            yield return observation;
        }

        if (count == 0)
        {
            throw new MemberListException("Reconciliation.FileEmpty");
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
            throw new MemberListException(exception.Problem == TableProblem.NotUtf8 ? "Reconciliation.Encoding" : "Reconciliation.FileUnreadable");
        }
    }

    private sealed class Columns(int phoneIndex, int nameIndex, int firstIndex, int lastIndex)
    {
        public static Columns Find(TableRow header)
        {
            var keys = Enumerable.Range(0, header.Count).Select(i => Key(header[i])).ToArray();
            int Index(string[] names) => Array.FindIndex(keys, names.Contains);
            var columns = new Columns(Index(PhoneHeaders), Index(NameHeaders), Index(FirstNameHeaders), Index(LastNameHeaders));
            return columns.PhoneIndex < 0 && columns.NameIndex < 0 && columns.FirstIndex < 0
                ? throw new MemberListException("Reconciliation.ColumnsMissing", AcceptedHeaders)
                : columns;
        }

        private int PhoneIndex => phoneIndex;

        private int NameIndex => nameIndex;

        private int FirstIndex => firstIndex;

        /// <summary>
        /// A formula (<see cref="TableRow.IsFormula"/>) is never trusted: it reads as a formula ("=" and the value the
        /// spreadsheet cached), which matches no registry number or name, so that member is listed for the clerk to check.
        /// </summary>
        public MemberObservation? Read(TableRow row)
        {
            string? Cell(int index)
            {
                var text = row[index]?.Trim();
                return string.IsNullOrEmpty(text) ? null : row.IsFormula(index) && !text.StartsWith('=') ? "=" + text : text;
            }

            var name = Cell(nameIndex) ?? string.Join(' ', new[] { Cell(firstIndex), Cell(lastIndex) }.Where(n => n is not null));
            var phoneValue = Cell(phoneIndex);
            return phoneValue is null && string.IsNullOrWhiteSpace(name) ? null : new MemberObservation(phoneValue, string.IsNullOrWhiteSpace(name) ? null : name);
        }

        private static string Key(string? header) =>
            new(NameFolding.Fold(header).Where(char.IsLetterOrDigit).ToArray());
    }
}
