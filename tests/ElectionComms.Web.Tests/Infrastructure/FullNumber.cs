using System.Text.RegularExpressions;

namespace ElectionComms.Web.Tests.Infrastructure;

/// <summary>
/// §10: whether a text shows a phone number in full, however it is spelled: +355691119999, 069 111 9999,
/// +355 69-111-9999, 00355 (69) 111.9999 all carry the same nine national digits once the separators are dropped.
/// A masked number (+355 69 *** **99) never does.
/// </summary>
public static partial class FullNumber
{
    public static void AssertAbsent(string phone, string? text, string where)
    {
        var national = National(phone);
        foreach (Match run in DigitRun().Matches(text ?? string.Empty))
        {
            var digits = new string(run.Value.Where(char.IsAsciiDigit).ToArray());
            Assert.False(digits.Contains(national, StringComparison.Ordinal), $"{where} shows the number in full: «{run.Value}»");
        }
    }

    /// <summary>The national significant digits: without +355, 00355, 355 or the trunk 0.</summary>
    public static string National(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        foreach (var prefix in new[] { "00355", "355", "0" })
        {
            if (digits.StartsWith(prefix, StringComparison.Ordinal) && digits.Length - prefix.Length >= 8)
            {
                return digits[prefix.Length..];
            }
        }

        return digits;
    }

    /// <summary>Digits with the separators people write between them (spaces, no-break spaces, dashes, dots, brackets, slashes).</summary>
    [GeneratedRegex(@"\d(?:[\d\s\u00a0\u202f().\-/]*\d)?")]
    private static partial Regex DigitRun();
}
