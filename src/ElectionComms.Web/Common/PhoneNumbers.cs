using PhoneNumbers;

namespace ElectionComms.Web.Common;

/// <summary>Why a typed phone number was refused; the resource key is "Registry.Phone." + the name.</summary>
public enum PhoneProblem
{
    None = 0,
    Required = 1,
    NotANumber = 2,
    Invalid = 3,

    /// <summary>Fewer digits than a number of its country has (an Albanian number cut short, not a foreign one).</summary>
    TooShort = 4,

    /// <summary>More digits than a number of its country has.</summary>
    TooLong = 5,
}

/// <summary>The outcome of <see cref="PhoneNumbers.Normalise"/>: an E.164 number, or the problem.</summary>
public readonly record struct NormalisedPhone(string? E164, PhoneProblem Problem)
{
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(E164))]
    public bool IsValid => Problem == PhoneProblem.None;
}

/// <summary>
/// The one place that reads and shows phone numbers (§5c, §10). Albanian numbers are accepted in every common
/// spelling (069 123 4567, +355 69 123 4567, 00355691234567, 355691234567); others need + or 00 and a country code.
/// Numbers are stored as E.164 and shown masked (+355 69 *** **67) unless a role that needs them reveals one.
/// </summary>
public static class PhoneNumbers
{
    public const string DefaultRegion = "AL";
    private const string AlbanianCode = "355";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static NormalisedPhone Normalise(string? input)
    {
        var text = input?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return new(null, PhoneProblem.Required);
        }

        // Letters are not digits: libphonenumber would read "01a9" as the vanity number 0129.
        if (text.Any(c => !char.IsAsciiDigit(c) && !char.IsWhiteSpace(c) && c is not ('+' or '-' or '(' or ')' or '.' or '/')))
        {
            return new(null, PhoneProblem.NotANumber);
        }

        // "355 69 123 4567" without + or 00 is the country code written bare (Excel drops the +).
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text[0] != '+' && !text.StartsWith("00", StringComparison.Ordinal) && digits.StartsWith(AlbanianCode, StringComparison.Ordinal)
            && digits.Length >= 11)
        {
            text = "+" + digits;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(text, DefaultRegion);
        }
        catch (NumberParseException)
        {
            return new(null, PhoneProblem.NotANumber);
        }

        if (Util.IsValidNumber(number))
        {
            return new(Util.Format(number, PhoneNumberFormat.E164), PhoneProblem.None);
        }

        // An Albanian number has 8 (fixed line) or 9 (mobile) digits after the 0; "069 123" is cut short, not foreign.
        if (number.CountryCode == 355)
        {
            var length = Util.GetNationalSignificantNumber(number).Length;
            return length < 8 ? new(null, PhoneProblem.TooShort) : length > 9 ? new(null, PhoneProblem.TooLong) : new(null, PhoneProblem.Invalid);
        }

        return Util.IsPossibleNumberWithReason(number) switch
        {
            PhoneNumberUtil.ValidationResult.TOO_SHORT or PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => new(null, PhoneProblem.TooShort),
            PhoneNumberUtil.ValidationResult.TOO_LONG => new(null, PhoneProblem.TooLong),
            _ => new(null, PhoneProblem.Invalid),
        };
    }

    /// <summary>
    /// A number as typed, masked for a message or an error file (§10): a valid one as <see cref="Mask"/> does, anything
    /// else with every digit hidden but in the last two characters, so that "01a9" shows as "**a9" and "069 12" as
    /// "*** 12": the clerk can still find the cell.
    /// </summary>
    public static string MaskTyped(string? typed)
    {
        var text = typed?.Trim() ?? string.Empty;
        var phone = Normalise(text);
        if (phone.IsValid)
        {
            return Mask(phone.E164);
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length - 2; i++)
        {
            chars[i] = char.IsAsciiDigit(chars[i]) ? '*' : chars[i];
        }

        return new string(chars);
    }

    /// <summary>
    /// §10: the country code, the first group (operator or area) and the last two digits stay visible:
    /// +355691234567 → "+355 69 *** **67".
    /// </summary>
    public static string Mask(string? e164)
    {
        if (string.IsNullOrEmpty(e164))
        {
            return string.Empty;
        }

        var display = Display(e164);
        var groups = display.Split(' ');
        if (groups.Length < 3)
        {
            return MaskDigits(display);
        }

        var visiblePrefix = groups[0].Length + 1 + groups[1].Length;
        return display[..visiblePrefix] + MaskDigits(display[visiblePrefix..]);
    }

    /// <summary>The international spelling with spaces (+355 69 123 4567), for a clerk who revealed the number.</summary>
    public static string Display(string e164)
    {
        try
        {
            return Util.Format(Util.Parse(e164, DefaultRegion), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>Every digit but the last two becomes *; spaces and + stay.</summary>
    private static string MaskDigits(string text)
    {
        var total = text.Count(char.IsAsciiDigit);
        var seen = 0;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiDigit(chars[i]))
            {
                continue;
            }

            seen++;
            if (seen <= total - 2)
            {
                chars[i] = '*';
            }
        }

        return new string(chars);
    }
}
