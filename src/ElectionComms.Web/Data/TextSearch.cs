namespace ElectionComms.Web.Data;

/// <summary>Builds ILIKE patterns from what a user typed, so that %, _ and \ are searched for literally.</summary>
public static class TextSearch
{
    /// <summary>A pattern matching any text that contains <paramref name="term"/> (PostgreSQL's default escape is \).</summary>
    public static string Contains(string term) => "%" + Escape(term.Trim()) + "%";

    /// <summary>A pattern matching any text that starts with <paramref name="term"/>.</summary>
    public static string StartsWith(string term) => Escape(term.Trim()) + "%";

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
