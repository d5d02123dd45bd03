using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.MemberApp;

/// <summary>
/// A device's Web Push subscription (issue 20 item 5), as the browser's PushManager gave it: the push service's
/// endpoint and the keys the payload is encrypted with. One per device; <see cref="LastItemId"/> is the newest inbox
/// item the device has been told about, so each new message is announced once.
/// </summary>
public sealed class AppPushSubscription
{
    public const int EndpointMaxLength = 1000;
    public const int KeyMaxLength = 200;

    private AppPushSubscription()
    {
        Endpoint = string.Empty;
        P256dh = string.Empty;
        Auth = string.Empty;
    }

    public int Id { get; private set; }

    public int DeviceId { get; private set; }

    public string Endpoint { get; private set; }

    public string P256dh { get; private set; }

    public string Auth { get; private set; }

    public long LastItemId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The browsers' push services; the portal posts to no other host (it would otherwise call any URL a member gave).</summary>
    public static readonly IReadOnlyList<string> PushServiceHosts =
        ["fcm.googleapis.com", "android.googleapis.com", "updates.push.services.mozilla.com", "notify.windows.com", "push.apple.com"];

    /// <summary>
    /// The browser's subscription: an https endpoint of a known push service (or, where <paramref name="allowLoopback"/>
    /// — development and tests — one on loopback), a P-256 public key (65 bytes, uncompressed) and a 16-byte secret.
    /// </summary>
    public static AppPushSubscription Create(int deviceId, string? endpoint, string? p256dh, string? auth, long lastItemId, DateTimeOffset now, bool allowLoopback = false)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || endpoint!.Length > EndpointMaxLength
            || !((uri.Scheme == Uri.UriSchemeHttps && PushServiceHosts.Any(h => uri.Host == h || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase)))
                || (allowLoopback && uri.IsLoopback)))
        {
            throw new DomainException("AppPush.BadEndpoint");
        }

        if (Decoded(p256dh) is not { Length: 65 } point || point[0] != 0x04 || Decoded(auth) is not { Length: 16 })
        {
            throw new DomainException("AppPush.BadKeys");
        }

        return new AppPushSubscription
        {
            DeviceId = deviceId,
            Endpoint = endpoint,
            P256dh = p256dh!,
            Auth = auth!,
            LastItemId = lastItemId,
            CreatedAt = now,
        };
    }

    private static byte[]? Decoded(string? key)
    {
        if (key is not { Length: > 0 and <= KeyMaxLength } || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '='))
        {
            return null;
        }

        var text = key.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
