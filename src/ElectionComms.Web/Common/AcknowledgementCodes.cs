using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ElectionComms.Web.Common;

/// <summary>
/// The <c>callback_data</c> of a message's "Konfirmo / Confirm" button (issue 14 item 6): <c>ack:&lt;delivery
/// id&gt;:&lt;MAC&gt;</c>, at most 64 bytes as Telegram allows. The MAC (HMAC-SHA256 under
/// <c>PlatformEvents:AcknowledgementKey</c>, 96 bits) binds the code to one delivery, so it cannot be made up, nor
/// taken from one message to confirm another; the processor also checks that the press came from under that
/// delivery's post. Without a key no button is offered.
/// </summary>
public sealed class AcknowledgementCodes(IConfiguration configuration)
{
    /// <summary>The button's label, in both languages as the post itself may be; shown in the approved preview too.</summary>
    public const string ButtonLabel = "Konfirmo / Confirm";

    private const string Prefix = "ack:";

    private byte[]? Key => configuration["PlatformEvents:AcknowledgementKey"] is { Length: >= 16 } key ? Encoding.UTF8.GetBytes(key) : null;

    public bool Enabled => Key is not null;

    public string? For(long deliveryId) =>
        Key is { } key ? $"{Prefix}{deliveryId.ToString(CultureInfo.InvariantCulture)}:{Mac(key, deliveryId)}" : null;

    /// <returns>The delivery the code was made for, or null when it is not a code of ours.</returns>
    public long? Read(string? data)
    {
        if (Key is not { } key || data is null || !data.StartsWith(Prefix, StringComparison.Ordinal) || data.Length > 64)
        {
            return null;
        }

        var parts = data[Prefix.Length..].Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var deliveryId))
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(key, deliveryId)), Encoding.ASCII.GetBytes(parts[1])) ? deliveryId : null;
    }

    private static string Mac(byte[] key, long deliveryId) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(Prefix + deliveryId.ToString(CultureInfo.InvariantCulture))))[..16]
            .Replace('+', '-').Replace('/', '_');
}
