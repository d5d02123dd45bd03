namespace ElectionComms.Web.Features.MemberApp;

/// <summary>Configuration section "MemberApp" (docs/deployment.md): the KQZ app's Web Push (issue 20 item 5).</summary>
public sealed class MemberAppOptions
{
    public const string Section = "MemberApp";

    /// <summary>The VAPID key pair (P-256, base64url: 65-byte public point, 32-byte private scalar); without both, no notifications.</summary>
    public string? VapidPublicKey { get; set; }

    public string? VapidPrivateKey { get; set; }

    /// <summary>Who the push services may contact about the KQZ's pushes (mailto: or https:).</summary>
    public string VapidSubject { get; set; } = "mailto:it@kqz.gov.al";

    /// <summary>Send the pushes from this process (the default); tests send them themselves.</summary>
    public bool PushSender { get; set; } = true;

    /// <summary>Accept push endpoints on loopback (a push service on this machine): development and tests only.</summary>
    public bool AllowLoopbackPush { get; set; }

    public bool PushEnabled => !string.IsNullOrWhiteSpace(VapidPublicKey) && !string.IsNullOrWhiteSpace(VapidPrivateKey);
}
