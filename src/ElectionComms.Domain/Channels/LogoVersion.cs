using System.Security.Cryptography;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Channels;

/// <summary>
/// One version of the KQZ logo that groups must show online (§6). The newest version is the current one; groups
/// that record an older version are listed as outdated until a clerk marks them updated.
/// </summary>
public sealed class LogoVersion
{
    public const int FileNameMaxLength = 200;

    private LogoVersion()
    {
        ContentType = string.Empty;
        Content = [];
        Sha256 = string.Empty;
        FileName = string.Empty;
    }

    public int Id { get; private set; }

    /// <summary>1, 2, 3… in upload order; unique.</summary>
    public int Version { get; private set; }

    public string ContentType { get; private set; }

    public byte[] Content { get; private set; }

    public string Sha256 { get; private set; }

    public string FileName { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public Guid UploadedById { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public static LogoVersion Upload(int previousVersion, string fileName, byte[] content, Guid uploadedBy, DateTimeOffset now)
    {
        var image = LogoImage.Inspect(content);
        var name = Path.GetFileName(fileName?.Trim() ?? string.Empty);
        return new LogoVersion
        {
            Version = previousVersion + 1,
            ContentType = image.ContentType,
            Content = content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            FileName = name.Length == 0 ? "logo" : name[..Math.Min(name.Length, FileNameMaxLength)],
            Width = image.Width,
            Height = image.Height,
            UploadedById = uploadedBy,
            UploadedAt = now,
        };
    }
}
