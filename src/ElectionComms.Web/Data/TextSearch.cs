namespace ElectionComms.Web.Data;

/// <summary>Builds ILIKE patterns from what a user typed, so that % and _ are searched for literally.</summary>
public static class TextSearch
{
    /// <summary>A pattern matching any text that contains <paramref name="term"/> (PostgreSQL's default escape is \).</summary>
    public static string Contains(string term) =>
        "%" + term.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
