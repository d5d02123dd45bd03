using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using System.Security;
using System.Text;
using QRCoder;

namespace ElectionComms.Web.Features.Invitations;

public enum QrSize
{
    /// <summary>For the screen: 6 pixels per module.</summary>
    Screen = 6,

    /// <summary>For printing: 16 pixels per module (about 6 cm wide at 300 dpi).</summary>
    Print = 16,
}

/// <summary>
/// QR codes of invitation links by QRCoder (§5b): error correction Q (a quarter of the code may be smudged or torn
/// on a printed sheet), a quiet zone of four modules, and the group's name as a caption under the code. The PNG is
/// QRCoder's module matrix written as a 1-bit image together with the caption (<see cref="CaptionFont"/>); the SVG
/// is QRCoder's SVG inside an outer SVG with the caption as an XML-escaped &lt;text&gt;.
/// </summary>
public static class QrImages
{
    public const QRCodeGenerator.ECCLevel ErrorCorrection = QRCodeGenerator.ECCLevel.Q;
    private const int CaptionMaxLines = 2;
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static QRCodeData Encode(string url)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(url, ErrorCorrection);
    }

    /// <summary>The bare code as QRCoder draws it, without caption (the benchmark's baseline).</summary>
    public static byte[] PlainPng(string url, QrSize size)
    {
        using var data = Encode(url);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic((int)size);
    }

    public static byte[] Png(string url, string caption, QrSize size)
    {
        using var data = Encode(url);
        return ComposePng(data.ModuleMatrix, caption, (int)size);
    }

    public static string Svg(string url, string caption)
    {
        using var data = Encode(url);
        var modules = data.ModuleMatrix.Count;
        using var svg = new SvgQRCode(data);
        var inner = svg.GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = inner.IndexOf("<svg", StringComparison.Ordinal);
        inner = inner[start..];
        var side = modules * 10;
        var lines = Wrap(caption, 40);
        var captionHeight = 16 + (lines.Count * 24);
        var height = side + captionHeight;
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{side / 2}\" y=\"{side + 20 + (i * 24)}\" text-anchor=\"middle\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"20\" fill=\"#000000\">{SecurityElement.Escape(lines[i])}</text>");
        }

        // The QRCoder drawing is placed as a nested SVG of the code's size; the caption goes underneath.
        inner = inner.Replace("<svg ", $"<svg x=\"0\" y=\"0\" width=\"{side}\" height=\"{side}\" ", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {height}\" width=\"{side}\" height=\"{height}\"><rect width=\"{side}\" height=\"{height}\" fill=\"#ffffff\"/>{inner}{text}</svg>");
    }

    /// <summary>Writes the module matrix (quiet zone included) and up to two caption lines as a 1-bit grayscale PNG.</summary>
    internal static byte[] ComposePng(List<System.Collections.BitArray> matrix, string caption, int pixelsPerModule)
    {
        var modules = matrix.Count;
        var width = modules * pixelsPerModule;
        var scale = Math.Max(1, pixelsPerModule / 3);
        var perLine = Math.Max(1, (width - (2 * scale * CaptionFont.Advance)) / (scale * CaptionFont.Advance));
        var lines = Wrap(caption, perLine);
        var lineHeight = (CaptionFont.Height + 3) * scale;
        var captionHeight = lines.Count == 0 ? 0 : (lines.Count * lineHeight) + (2 * scale);

        // The quiet zone's bottom edge already gives space above the caption; the caption sits in the lower part.
        var height = width + captionHeight;
        var stride = (width + 7) / 8;
        var raw = new byte[(stride + 1) * height];
        var row = new byte[stride];

        for (var moduleRow = 0; moduleRow < modules; moduleRow++)
        {
            Array.Fill(row, (byte)0xFF);
            var bits = matrix[moduleRow];
            for (var moduleColumn = 0; moduleColumn < modules; moduleColumn++)
            {
                if (!bits[moduleColumn])
                {
                    continue;
                }

                var x0 = moduleColumn * pixelsPerModule;
                for (var x = x0; x < x0 + pixelsPerModule; x++)
                {
                    row[x >> 3] &= (byte)~(0x80 >> (x & 7));
                }
            }

            for (var y = moduleRow * pixelsPerModule; y < (moduleRow + 1) * pixelsPerModule; y++)
            {
                var at = y * (stride + 1);
                raw[at] = 0;
                row.CopyTo(raw, at + 1);
            }
        }

        // Caption rows start white; glyph pixels are cleared to black.
        for (var y = width; y < height; y++)
        {
            var at = y * (stride + 1);
            raw[at] = 0;
            Array.Fill(raw, (byte)0xFF, at + 1, stride);
        }

        Span<ushort> glyph = stackalloc ushort[CaptionFont.Width];
        for (var line = 0; line < lines.Count; line++)
        {
            var text = lines[line];
            var textWidth = text.Length * CaptionFont.Advance * scale;
            var left = Math.Max(0, (width - textWidth) / 2);
            var top = width + (line * lineHeight);
            for (var i = 0; i < text.Length; i++)
            {
                CaptionFont.Glyph(text[i], glyph);
                for (var column = 0; column < CaptionFont.Width; column++)
                {
                    for (var fontRow = 0; fontRow < CaptionFont.Height; fontRow++)
                    {
                        if ((glyph[column] & (1 << fontRow)) == 0)
                        {
                            continue;
                        }

                        var x0 = left + (((i * CaptionFont.Advance) + column) * scale);
                        var y0 = top + (fontRow * scale);
                        for (var y = y0; y < y0 + scale && y < height; y++)
                        {
                            var at = (y * (stride + 1)) + 1;
                            for (var x = x0; x < x0 + scale && x < width; x++)
                            {
                                raw[at + (x >> 3)] &= (byte)~(0x80 >> (x & 7));
                            }
                        }
                    }
                }
            }
        }

        return WritePng(raw, width, height);
    }

    internal static List<string> Wrap(string caption, int perLine)
    {
        var words = (caption ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in words)
        {
            var piece = word.Length > perLine ? word[..perLine] : word;
            if (current.Length > 0 && current.Length + 1 + piece.Length > perLine)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(piece);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        if (lines.Count > CaptionMaxLines)
        {
            var last = lines[CaptionMaxLines - 1];
            lines = [.. lines.Take(CaptionMaxLines - 1), (last.Length >= perLine ? last[..(perLine - 1)] : last) + "…"];
        }

        return lines;
    }

    private static byte[] WritePng(byte[] raw, int width, int height)
    {
        using var output = new MemoryStream((raw.Length / 8) + 256);
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 1; // bit depth
        header[9] = 0; // grayscale
        header[10] = 0;
        header[11] = 0;
        header[12] = 0;
        WriteChunk(output, "IHDR"u8, header);

        using var compressed = new MemoryStream((raw.Length / 8) + 64);
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        WriteChunk(output, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        output.Write(type);
        output.Write(data);

        // PNG's chunk CRC is the ISO 3309 CRC-32 over the type and the data, stored big-endian.
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, crc.GetCurrentHashAsUInt32());
        output.Write(number);
    }
}
