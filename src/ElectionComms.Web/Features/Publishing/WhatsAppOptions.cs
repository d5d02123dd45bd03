namespace ElectionComms.Web.Features.Publishing;

/// <summary>Configuration section "Publishing:WhatsApp": the Cloud API and the business numbers it sends from.</summary>
public sealed class WhatsAppOptions
{
    /// <summary>The Graph API server; https://graph.facebook.com in production, a fake on loopback in tests and the demo.</summary>
    public string? BaseUrl { get; set; }

    public string ApiVersion { get; set; } = "v23.0";

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>At most this many messages per second from one business number, across every dispatcher (Cloud API default 80).</summary>
    public int MessagesPerSecond { get; set; } = 80;

    /// <summary>
    /// Per official account, keyed by its handle without "+" or "@": the Cloud API phone number id and access token.
    /// From configuration or a secret store, never from a database column; never logged.
    /// </summary>
    public Dictionary<string, WhatsAppNumber> Numbers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class WhatsAppNumber
{
    public string PhoneNumberId { get; set; } = string.Empty;

    public string AccessToken { get; set; } = string.Empty;
}
