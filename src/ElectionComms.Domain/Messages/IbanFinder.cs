using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace ElectionComms.Domain.Messages;

/// <summary>
/// IBANs written compactly or in groups of four separated by single spaces. An Albanian IBAN (AL + 26 characters)
/// is reported even with a wrong check digit, since a mistyped account number is still someone's data; any other
/// country needs a valid ISO 13616 mod-97 check, which keeps ordinary words and codes out.
/// </summary>
internal static class IbanFinder
{
    private const int MinLength = 15;
    private const int MaxLength = 34;
    private const int AlbanianLength = 28;

    // Greedy on purpose: the longest prefix (at a group boundary) that is a valid IBAN is kept.
    private static readonly Regex Candidate = new(
        @"(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    public static IEnumerable<PersonalDataFinding> Find(string text)
    {
        foreach (Match match in Candidate.Matches(text))
        {
            for (var length = match.Length; length >= MinLength; length--)
            {
                var end = match.Index + length;
                if (IsAlphanumeric(text[end - 1]) && (end == text.Length || !IsAlphanumeric(text[end]))
                    && IsIban(text.AsSpan(match.Index, length)))
                {
                    yield return new PersonalDataFinding(PersonalDataKind.Iban, match.Index, length);
                    break;
                }
            }
        }
    }

    private static bool IsAlphanumeric(char c) => char.IsAsciiLetterOrDigit(c);

    private static bool IsIban(ReadOnlySpan<char> written)
    {
        var compact = new StringBuilder(MaxLength);
        foreach (var c in written)
        {
            if (c != ' ')
            {
                compact.Append(char.ToUpperInvariant(c));
            }
        }

        var iban = compact.ToString();
        if (iban.Length is < MinLength or > MaxLength)
        {
            return false;
        }

        return (iban.StartsWith("AL", StringComparison.Ordinal) && iban.Length == AlbanianLength) || Mod97(iban) == 1;
    }

    private static int Mod97(string iban)
    {
        var digits = new StringBuilder(iban.Length * 2);
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            digits.Append(value.ToString(CultureInfo.InvariantCulture));
        }

        return (int)(BigInteger.Parse(digits.ToString()) % 97);
    }
}
