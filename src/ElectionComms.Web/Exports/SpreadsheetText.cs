namespace ElectionComms.Web.Exports;

/// <summary>
/// Guards exported text against formula injection (CSV injection): a cell that starts with = + - @, a tab or a
/// carriage return would be run as a formula by Excel or LibreOffice, so it gets a leading single quote and is
/// shown as text. Used for every text cell of every export, CSV and XLSX alike.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string? Escape(string? value) =>
        string.IsNullOrEmpty(value) || Array.IndexOf(FormulaStarts, value[0]) < 0 ? value : "'" + value;

    /// <summary>Text is escaped; numbers, dates and other values pass unchanged.</summary>
    public static object? Cell(object? value) => value is string text ? Escape(text) : value;
}
