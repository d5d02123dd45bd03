using System.Buffers.Binary;
using System.Globalization;
using System.Xml;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Channels;

/// <summary>
/// Decides what an uploaded logo really is from its bytes, never from its file name: a PNG (signature and IHDR
/// header) or an SVG without any script, event handler, external reference or embedded HTML.
/// </summary>
public static class LogoImage
{
    public const int MaxBytes = 1024 * 1024;
    public const int MinSide = 160;
    public const int MaxSide = 4096;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] ForbiddenElements = ["script", "foreignObject", "iframe", "embed", "object", "handler", "listener"];

    public sealed record Info(string ContentType, int Width, int Height);

    public static Info Inspect(byte[] content)
    {
        if (content.Length == 0)
        {
            throw new DomainException("Logo.Empty");
        }

        if (content.Length > MaxBytes)
        {
            throw new DomainException("Logo.TooLarge", MaxBytes / 1024);
        }

        return content.AsSpan().StartsWith(PngSignature) ? Png(content) : Svg(content);
    }

    private static Info Png(byte[] content)
    {
        // IHDR is always the first chunk: length(4) "IHDR"(4) width(4) height(4).
        if (content.Length < 24 || content[12] != 'I' || content[13] != 'H' || content[14] != 'D' || content[15] != 'R')
        {
            throw new DomainException("Logo.NotAnImage");
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(20, 4));

        // Platforms crop profile pictures to a square of at least 160 px; a smaller raster would look blurred.
        if (width < MinSide || height < MinSide || width > MaxSide || height > MaxSide)
        {
            throw new DomainException("Logo.BadSize", width, height, MinSide, MaxSide);
        }

        return new Info("image/png", width, height);
    }

    private static Info Svg(byte[] content)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            MaxCharactersInDocument = MaxBytes * 2L,
        };
        int? width = null, height = null;
        var sawRoot = false;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (!sawRoot)
                {
                    if (reader.LocalName != "svg")
                    {
                        throw new DomainException("Logo.NotAnImage");
                    }

                    sawRoot = true;
                    (width, height) = SvgSize(reader);
                }

                if (ForbiddenElements.Contains(reader.LocalName, StringComparer.OrdinalIgnoreCase))
                {
                    throw new DomainException("Logo.SvgActiveContent", reader.LocalName);
                }

                CheckAttributes(reader);
            }
        }
        catch (XmlException)
        {
            throw new DomainException("Logo.NotAnImage");
        }

        if (!sawRoot)
        {
            throw new DomainException("Logo.NotAnImage");
        }

        return new Info("image/svg+xml", width ?? 0, height ?? 0);
    }

    private static void CheckAttributes(XmlReader reader)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            var name = reader.LocalName;
            var value = reader.Value.Trim();
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                throw new DomainException("Logo.SvgActiveContent", name);
            }

            // Links may only point inside the document (#id) or carry embedded raster data.
            if (name is "href" && value.Length > 0 && !value.StartsWith('#') && !value.StartsWith("data:image/png", StringComparison.OrdinalIgnoreCase))
            {
                throw new DomainException("Logo.SvgActiveContent", name);
            }

            if (value.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || value.Contains("url(http", StringComparison.OrdinalIgnoreCase))
            {
                throw new DomainException("Logo.SvgActiveContent", name);
            }
        }

        reader.MoveToElement();
    }

    private static (int? Width, int? Height) SvgSize(XmlReader reader)
    {
        var viewBox = reader.GetAttribute("viewBox");
        if (viewBox is not null)
        {
            var parts = viewBox.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 4
                && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
                && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var h))
            {
                // Vector art scales to any size, so its size is recorded but not limited.
                return ((int)w, (int)h);
            }
        }

        return (Number(reader.GetAttribute("width")), Number(reader.GetAttribute("height")));
    }

    private static int? Number(string? text)
    {
        var digits = new string((text ?? string.Empty).TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (int)value : null;
    }
}
