using StbImageSharp;
using ZXing;
using ZXing.Common;

namespace ElectionComms.Web.Tests.Features.Invitations;

/// <summary>Reads a QR code back from PNG bytes: StbImageSharp gives the pixels, ZXing.Net decodes them.</summary>
public static class QrDecoding
{
    public static string? Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGB24);
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
        };
        return reader.Decode(source)?.Text;
    }

    /// <summary>The error-correction level ZXing.Net reports for the decoded code ("L", "M", "Q" or "H").</summary>
    public static string? DecoderErrorCorrection(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGB24);
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
        };
        var result = reader.Decode(source);
        return result?.ResultMetadata.TryGetValue(ResultMetadataType.ERROR_CORRECTION_LEVEL, out var level) == true ? level?.ToString() : null;
    }

    /// <summary>
    /// The error-correction level written in the code's own format information (ISO/IEC 18004 §7.9), read from the
    /// pixels without a QR library: the top-left finder pattern gives the code's origin and module size, then both
    /// copies of the 15 format bits are read, unmasked (101010000010010) and checked against their BCH(15,5) code.
    /// The first two data bits give the level: 01 = L, 00 = M, 11 = Q, 10 = H.
    /// </summary>
    public static char FormatErrorCorrection(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.Grey);
        bool Dark(int x, int y) => image.Data[(y * image.Width) + x] < 128;

        // The first dark pixel in reading order is the top-left corner of the top-left finder (7 modules wide).
        var (left, top) = Enumerable.Range(0, image.Width * image.Width)
            .Select(i => (X: i % image.Width, Y: i / image.Width))
            .First(p => Dark(p.X, p.Y));
        var run = Enumerable.Range(left, image.Width - left).TakeWhile(x => Dark(x, top)).Count();
        Assert.True(run % 7 == 0, $"finder pattern's top edge is {run} pixels, not 7 modules");
        var module = run / 7;
        var dimension = (image.Width - (2 * left)) / module;
        Assert.True(dimension >= 21 && (dimension - 17) % 4 == 0, $"{dimension} modules is no QR code size");
        bool Module(int column, int row) => Dark(left + (column * module) + (module / 2), top + (row * module) + (module / 2));

        // Copy 1 beside the top-left finder; copy 2 split between the bottom-left and the top-right finders.
        (int Column, int Row)[] first =
        [
            (0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (7, 8), (8, 8), (8, 7), (8, 5), (8, 4), (8, 3), (8, 2), (8, 1), (8, 0),
        ];
        var second = Enumerable.Range(0, 7).Select(i => (Column: 8, Row: dimension - 1 - i))
            .Concat(Enumerable.Range(dimension - 8, 8).Select(i => (Column: i, Row: 8)));
        int Bits(IEnumerable<(int Column, int Row)> cells) => cells.Aggregate(0, (bits, c) => (bits << 1) | (Module(c.Column, c.Row) ? 1 : 0));

        var copy1 = Bits(first) ^ FormatMask;
        var copy2 = Bits(second) ^ FormatMask;
        Assert.True(copy1 == copy2, $"the two format copies differ: {copy1:b15} and {copy2:b15}");
        var data = copy1 >> 10;
        Assert.True(copy1 == ((data << 10) | Bch(data)), $"format bits {copy1:b15} fail their BCH check");
        return (data >> 3) switch
        {
            0b01 => 'L',
            0b00 => 'M',
            0b11 => 'Q',
            _ => 'H',
        };
    }

    private const int FormatMask = 0b101010000010010;

    /// <summary>The 10 check bits of 5 format data bits: the remainder of data·x¹⁰ by x¹⁰+x⁸+x⁵+x⁴+x²+x+1.</summary>
    private static int Bch(int data)
    {
        const int generator = 0b10100110111;
        var value = data << 10;
        for (var bit = 14; bit >= 10; bit--)
        {
            if ((value & (1 << bit)) != 0)
            {
                value ^= generator << (bit - 10);
            }
        }

        return value;
    }

    public static (int Width, int Height) Size(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.Grey);
        return (image.Width, image.Height);
    }
}
