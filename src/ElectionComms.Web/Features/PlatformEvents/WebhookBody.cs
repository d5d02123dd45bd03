using System.Security.Cryptography;
using System.Text;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>Reading a webhook's body within a size limit, and comparing secrets without leaking their length or content by timing.</summary>
internal static class WebhookBody
{
    /// <returns>The body as UTF-8 text, or null when it is larger than <paramref name="maxBytes"/> (nothing more is read).</returns>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return string.Empty;
        }
    }

    /// <summary>Equal in constant time over the longer of the two (a wrong length takes as long as a wrong byte).</summary>
    public static bool SecretsEqual(string? given, string expected)
    {
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(given ?? string.Empty));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b) && given is not null;
    }
}
