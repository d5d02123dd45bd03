namespace ElectionComms.Web.Pages.Admin;

/// <summary>Search boxes match typed text literally: %, _ and \ are not LIKE wildcards (PostgreSQL's escape is \).</summary>
public static class LikePattern
{
    public static string Contains(string text) => "%" + Escape(text.Trim()) + "%";

    public static string StartsWith(string text) => Escape(text.Trim()) + "%";

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
