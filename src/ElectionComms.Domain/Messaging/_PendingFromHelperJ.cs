// TEMPORARY stand-in for helper J's pieces (issue 6), with the same signatures and minimal honest behaviour, so that
// this branch compiles before J's branch is merged. Deleted when main brings the real ones.
using System.Text.RegularExpressions;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Messaging;

public enum PersonalDataKind
{
    PersonalNumber,
    PhoneNumber,
    Email,
    Iban,
}

public sealed record PersonalDataFinding(PersonalDataKind Kind, int Start, int Length);

public static partial class PersonalDataScanner
{
    public static IReadOnlyList<PersonalDataFinding> Scan(string text)
    {
        var findings = new List<PersonalDataFinding>();
        void Add(Regex pattern, PersonalDataKind kind)
        {
            foreach (Match match in pattern.Matches(text))
            {
                findings.Add(new PersonalDataFinding(kind, match.Index, match.Length));
            }
        }

        Add(PersonalNumber(), PersonalDataKind.PersonalNumber);
        Add(Phone(), PersonalDataKind.PhoneNumber);
        Add(Email(), PersonalDataKind.Email);
        Add(Iban(), PersonalDataKind.Iban);
        return findings.OrderBy(f => f.Start).ToList();
    }

    [GeneratedRegex(@"\b[A-Ta-t]\d{8}[A-Wa-w]\b")]
    private static partial Regex PersonalNumber();

    [GeneratedRegex(@"(?<!\w)(?:\+355|00355|0)6[6-9]\d{7}\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"\bAL\d{2}(?:\s?[0-9A-Z]{4}){6}\b")]
    private static partial Regex Iban();
}

public static class MessageFormatting
{
    public static void Validate(string text, bool hasAttachment)
    {
        if (text.Length > (hasAttachment ? 1024 : 4096))
        {
            throw new DomainException("Message.Format.TooLong", hasAttachment ? 1024 : 4096);
        }
    }

    public static string ToTelegramHtml(string text) => System.Net.WebUtility.HtmlEncode(text);

    public static string ToWhatsAppText(string text) => text;
}

public enum AttachmentKind
{
    Pdf,
    Png,
    Jpeg,
}

public static class AttachmentContent
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public static AttachmentKind? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return AttachmentKind.Pdf;
        }

        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return AttachmentKind.Png;
        }

        return content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) ? AttachmentKind.Jpeg : null;
    }
}
