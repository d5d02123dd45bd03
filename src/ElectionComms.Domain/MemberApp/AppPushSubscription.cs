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

    /// <summary>
    /// The browser's subscription; only an https endpoint (http on loopback, for a push service in development and
    /// tests) and base64url keys are taken.
    /// </summary>
    public static AppPushSubscription Create(int deviceId, string? endpoint, string? p256dh, string? auth, long lastItemId, DateTimeOffset now)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)) || endpoint!.Length > EndpointMaxLength)
        {
            throw new DomainException("AppPush.BadEndpoint");
        }

        if (!IsKey(p256dh) || !IsKey(auth))
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

    private static bool IsKey(string? key) =>
        key is { Length: > 0 and <= KeyMaxLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '=');
}
