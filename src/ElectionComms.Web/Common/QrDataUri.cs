using QRCoder;

namespace ElectionComms.Web.Common;

/// <summary>A short text (an authenticator's otpauth URI, a bot's start link) as a PNG QR code inline in the page, to scan with a phone.</summary>
public static class QrDataUri
{
    public static string Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}
