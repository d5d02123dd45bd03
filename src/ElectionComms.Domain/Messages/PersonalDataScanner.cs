using System.Text.RegularExpressions;

namespace ElectionComms.Domain.Messages;

/// <summary>
/// §10 guard: finds personal data (personal numbers, phone numbers, e-mail addresses, IBANs) in a message before it
/// is sent to a group. Findings are ordered by position and never overlap; where two candidates overlap the one that
/// starts first wins, then the longer one.
/// </summary>
public static class PersonalDataScanner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // A token boundary: not glued to a letter or digit on either side.
    private const string Before = @"(?<![\p{L}\p{N}])";
    private const string After = @"(?![\p{L}\p{N}])";

    /// <summary>
    /// Albanian personal number ("numri personal", NID; the same shape is used for individuals' NIPT):
    /// decade letter (A–J = 1900s, K–T = 2000s), year digit, month (01–12 men, 51–62 women), day (01–31),
    /// three-digit serial, check letter. Sources: kupolak/stdnum lib/al/nipt.mli ("first letter indicates the decade…
    /// check digit algorithm unknown") and identique/idnumbers-npm src/countries/alb/README.md (decade letters,
    /// 51–62 for women). The check letter's algorithm is not officially published, so it is not verified.
    /// </summary>
    private static readonly Regex PersonalNumber = new(
        Before + @"[A-T]\d(?:0[1-9]|1[0-2]|5[1-9]|6[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[A-Z]" + After,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        Timeout);

    private static readonly Regex Email = new(
        @"(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}" + After,
        RegexOptions.CultureInvariant,
        Timeout);

    public static IReadOnlyList<PersonalDataFinding> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = new List<PersonalDataFinding>();
        Add(candidates, PersonalNumber, text, PersonalDataKind.PersonalNumber);
        Add(candidates, Email, text, PersonalDataKind.Email);
        candidates.AddRange(IbanFinder.Find(text));
        candidates.AddRange(PhoneNumberFinder.Find(text));
        return WithoutOverlaps(candidates);
    }

    private static void Add(List<PersonalDataFinding> into, Regex pattern, string text, PersonalDataKind kind)
    {
        foreach (Match match in pattern.Matches(text))
        {
            into.Add(new PersonalDataFinding(kind, match.Index, match.Length));
        }
    }

    private static List<PersonalDataFinding> WithoutOverlaps(List<PersonalDataFinding> candidates)
    {
        var result = new List<PersonalDataFinding>();
        var end = 0;
        foreach (var finding in candidates.OrderBy(f => f.Start).ThenByDescending(f => f.Length).ThenBy(f => f.Kind))
        {
            if (finding.Start >= end)
            {
                result.Add(finding);
                end = finding.Start + finding.Length;
            }
        }

        return result;
    }
}
