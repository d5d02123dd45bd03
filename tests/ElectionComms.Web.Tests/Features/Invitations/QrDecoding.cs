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

    public static (int Width, int Height) Size(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.Grey);
        return (image.Width, image.Height);
    }
}
