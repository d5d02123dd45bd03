using PhoneNumbers;

namespace ElectionComms.Web.Registry;

/// <summary>Why a typed phone number was refused; the resource key is "Registry.Phone." + the name.</summary>
public enum PhoneProblem
{
    None = 0,
    Required = 1,
    NotANumber = 2,
    Invalid = 3,
}

/// <summary>The outcome of <see cref="PhoneNumbers.Normalise"/>: an E.164 number, or the problem.</summary>
public readonly record struct NormalisedPhone(string? E164, PhoneProblem Problem)
{
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

        return Util.IsValidNumber(number)
            ? new(Util.Format(number, PhoneNumberFormat.E164), PhoneProblem.None)
            : new(null, PhoneProblem.Invalid);
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
