namespace ElectionComms.Web.Features.Registry;

/// <summary>Turns a phone number as people write it into E.164, or null when it is not a valid number.</summary>
public interface IPhoneNormaliser
{
    string? ToE164(string? raw);
}

/// <summary>The registry's own normalisation (<see cref="PhoneNumbers"/>), so a reconciliation matches exactly what an import stored.</summary>
public sealed class LibPhoneNumberNormaliser : IPhoneNormaliser
{
    public string? ToE164(string? raw) => raw is null || raw.Length > 40 ? null : Common.PhoneNumbers.Normalise(raw).E164;
}
