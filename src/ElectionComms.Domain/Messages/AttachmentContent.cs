using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Messages;

public enum AttachmentKind
{
    Pdf,
    Png,
    Jpeg,
}

/// <summary>
/// What an attached file really is, decided from its first bytes and never from its name or declared type:
/// an HTML page or a program renamed to ".pdf" has no PDF signature and is refused.
/// </summary>
public static class AttachmentContent
{
    /// <summary>10 MB: well under both platforms' document limits, enough for a scanned decision.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>The kind whose signature starts <paramref name="content"/>, or null for anything else.</summary>
    public static AttachmentKind? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PdfSignature))
        {
            return AttachmentKind.Pdf;
        }

        if (content.StartsWith(PngSignature))
        {
            return AttachmentKind.Png;
        }

        return content.StartsWith(JpegSignature) ? AttachmentKind.Jpeg : null;
    }

    /// <summary>
    /// The kind of an uploaded attachment, or a <see cref="DomainException"/> when it is empty, larger than
    /// <see cref="MaxBytes"/> or not a PDF, PNG or JPEG.
    /// </summary>
    public static AttachmentKind Inspect(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            throw new DomainException("Message.Attachment.Empty");
        }

        if (content.Length > MaxBytes)
        {
            throw new DomainException("Message.Attachment.TooLarge", MaxBytes / (1024 * 1024));
        }

        return Detect(content) ?? throw new DomainException("Message.Attachment.Unsupported");
    }
}
