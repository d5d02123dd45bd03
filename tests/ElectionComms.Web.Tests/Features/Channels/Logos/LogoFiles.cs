using System.Net.Http.Headers;
using System.Text;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Tests.Infrastructure;
using QRCoder;

namespace ElectionComms.Web.Tests.Features.Channels.Logos;

/// <summary>Real and hostile logo files, and the multipart upload a browser would send.</summary>
internal static class LogoFiles
{
    public const string IndexUrl = "/Channels/Logos";

    /// <summary>A real PNG: a version-1 QR code is 29 modules wide with its quiet zone, so 10 px per module gives 290 px.</summary>
    public static byte[] Png(int pixelsPerModule = 10)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode("KQZ", QRCodeGenerator.ECCLevel.L);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static byte[] Svg(string body = "<rect width=\"64\" height=\"64\" fill=\"#8a1c1c\"/>", string rootAttributes = "") =>
        Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"{rootAttributes}>{body}</svg>");

    /// <summary>A real PNG header followed by padding, one byte over the limit.</summary>
    public static byte[] Oversize(int bytes = LogoImage.MaxBytes + 1)
    {
        var png = Png();
        var content = new byte[bytes];
        png.CopyTo(content, 0);
        return content;
    }

    public static async Task<HttpResponseMessage> UploadAsync(this PortalClient client, string fileName, byte[] content, string declaredType = "image/png")
    {
        var token = PortalClient.AntiforgeryToken(await client.GetHtmlAsync(IndexUrl));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "Input.File", fileName);
        return await client.Http.PostAsync(IndexUrl, form);
    }
}
