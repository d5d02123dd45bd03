using System.Security.Cryptography;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Messages;

/// <summary>A PDF or image sent with a message. Its type is read from the bytes, never from the name (§12).</summary>
public sealed class MessageAttachment
{
    public const int FileNameMaxLength = 200;

    private MessageAttachment()
    {
        FileName = string.Empty;
        Sha256 = string.Empty;
        Content = [];
    }

    public Guid Id { get; private set; }

    public string FileName { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public int Size { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public Guid UploadedById { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public static MessageAttachment Upload(string fileName, byte[] content, Guid uploadedBy, DateTimeOffset now)
    {
        if (content.Length == 0)
        {
            throw new DomainException("Message.AttachmentEmpty");
        }

        if (content.Length > AttachmentContent.MaxBytes)
        {
            throw new DomainException("Message.AttachmentTooLarge", AttachmentContent.MaxBytes / (1024 * 1024));
        }

        var kind = AttachmentContent.Detect(content) ?? throw new DomainException("Message.AttachmentType");
        var name = Path.GetFileName(fileName?.Trim() ?? string.Empty);
        if (name.Length == 0)
        {
            name = "attachment";
        }

        return new MessageAttachment
        {
            Id = Guid.CreateVersion7(),
            FileName = name.Length > FileNameMaxLength ? name[..FileNameMaxLength] : name,
            Kind = kind,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedById = uploadedBy,
            UploadedAt = now,
        };
    }

    public string ContentType => Kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Png => "image/png",
        _ => "image/jpeg",
    };
}
