using System.Text.RegularExpressions;

namespace ElectionComms.Domain.Messages;

/// <summary>
/// Phone numbers in the ways Albanians write them, plus any international number. The patterns only accept what a
/// phone number must start with — 06[6-9] for mobiles, 0 + area code for landlines, +/00 for international — so
/// dates, times, amounts, years, postal codes and KQV, KZAZ, decision or law numbers (which never start that way)
/// are not reported.
/// </summary>
internal static class PhoneNumberFinder
{
    // Not glued to a word or number, and not the continuation of "1.", "2/", "3," (parts of dates and numbers).
    private const string Before = @"(?<![\p{L}\p{N}])(?<!\p{N}[.,/:-])";
    private const string After = @"(?![\p{L}\p{N}])(?![.,/:-]\p{N})";

    private const string Sep = "[ .-]?";
    private const string LandSep = "[ -]?";

    // Mobiles: 066–069 then seven digits, written 069 123 4567, 069-123-4567, 069/1234567, (069) 123 45 67,
    // +355 69…, +355 (0) 69…, +355 069…, 00355…, 355….
    private const string MobileSubscriber = "[ ./-]?" + @"\d(?:" + Sep + @"\d){6}";
    private const string MobileNational = @"(?:\(06[6-9]\)|06[6-9])";
    private const string CountryCode = @"(?:(?:\+|00) ?355|\(\+355\))[ -]?(?:\(0\) ?|0)?";

    // Written without + or 00 only for mobiles: a bare "355 222 222" is more likely an amount than a landline.
    private const string BareCountryCode = @"355[ -]?";
    private const string MobileInternational = "(?:" + CountryCode + "|" + BareCountryCode + @")6[6-9]";

    // Landlines: Tirana 04 + seven digits; other areas 0 + two-digit code + six digits (Durrës 052 222 222).
    // 0800 is the toll-free prefix (the KQZ help line, §3), a public service number rather than a person's.
    private const string LandlineSubscriber =
        @"(?:4\)?" + LandSep + @"\d(?:" + LandSep + @"\d){6}|(?!80)[2-8]\d\)?" + LandSep + @"\d(?:" + LandSep + @"\d){5})";

    private static readonly Regex Albanian = new(
        Before + "(?:" + MobileNational + "|" + MobileInternational + ")" + MobileSubscriber + After
        + "|" + Before + @"(?:\(?0|" + CountryCode + ")" + LandlineSubscriber + After,
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    // Any international number: + or 00, then 8–15 digits (E.164) with spaces, dots, hyphens or brackets between.
    // "00" continuing a group of digits ("DE00 3704 0044 0532") is part of that number, not the start of a phone number.
    private static readonly Regex International = new(
        @"(?<![\p{L}\p{N}+])(?<!\p{N}[ .,/:-])(?:\+|00)[1-9](?:(?:[ .-]|\)[ ]?|[ ]?\()?\d)+",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private const int MinInternationalDigits = 8;
    private const int MaxInternationalDigits = 15;

    public static IEnumerable<PersonalDataFinding> Find(string text)
    {
        foreach (Match match in Albanian.Matches(text))
        {
            yield return new PersonalDataFinding(PersonalDataKind.PhoneNumber, match.Index, match.Length);
        }

        foreach (Match match in International.Matches(text))
        {
            var length = LongestInternational(text, match);
            if (length > 0)
            {
                yield return new PersonalDataFinding(PersonalDataKind.PhoneNumber, match.Index, length);
            }
        }
    }

    // The greedy match may run into a following number; keep the longest prefix ending on a digit that has
    // 8–15 digits after the + or 00, balanced brackets, and is not followed by more digits.
    private static int LongestInternational(string text, Match match)
    {
        var prefix = text[match.Index] == '+' ? 1 : 2;
        for (var length = match.Length; length > prefix; length--)
        {
            var end = match.Index + length;
            if (!char.IsAsciiDigit(text[end - 1]) || (end < text.Length && (char.IsAsciiDigit(text[end]) || char.IsLetter(text[end]))))
            {
                continue;
            }

            var candidate = text.AsSpan(match.Index + prefix, length - prefix);
            var digits = 0;
            var open = 0;
            foreach (var c in candidate)
            {
                digits += char.IsAsciiDigit(c) ? 1 : 0;
                open += c == '(' ? 1 : c == ')' ? -1 : 0;
            }

            if (digits is >= MinInternationalDigits and <= MaxInternationalDigits && open == 0 && !FollowedByDateOrNumberPart(text, end))
            {
                return length;
            }
        }

        return 0;
    }

    private static bool FollowedByDateOrNumberPart(string text, int end) =>
        end + 1 < text.Length && ".,/:".Contains(text[end]) && char.IsAsciiDigit(text[end + 1]);
}
