using PhoneNumbers;

namespace ElectionComms.Web.Registry;

/// <summary>Turns a phone number as people write it into E.164, or null when it is not a valid number.</summary>
public interface IPhoneNormaliser
{
    string? ToE164(string? raw);
}

/// <summary>
/// libphonenumber with Albania as the default region, so 069 123 4567, +355 69 123 4567, 00355691234567 and
/// 0691234567 all become +355691234567. Meant to be merged with the registry's own phone helper.
/// </summary>
public sealed class LibPhoneNumberNormaliser : IPhoneNormaliser
{
    private const string DefaultRegion = "AL";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public string? ToE164(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 40)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(raw.Trim(), DefaultRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
