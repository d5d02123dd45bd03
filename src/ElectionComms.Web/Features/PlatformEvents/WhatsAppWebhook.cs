using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using Microsoft.Extensions.Options;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// The WhatsApp Cloud API webhook (issue 14 item 1). <c>GET</c>: Meta's verification, answered with
/// <c>hub.challenge</c> only when <c>hub.verify_token</c> equals the configured token. <c>POST</c>: the
/// <c>X-Hub-Signature-256</c> header must be <c>sha256=</c> and the HMAC-SHA256 of the raw body under the app secret
/// (else 401); each change of each entry is then stored raw, keyed by the SHA-256 of its own JSON, since the Cloud
/// API gives changes no id of their own and delivers them again when it gets no 200.
/// </summary>
public static class WhatsAppWebhook
{
    public const string Path = "/webhooks/whatsapp";
    public const string SignatureHeader = "X-Hub-Signature-256";

    public static IResult Verify(HttpRequest request, IOptions<PlatformEventsOptions> options)
    {
        var token = options.Value.WhatsAppVerifyToken;
        return request.Query["hub.mode"] == "subscribe" && !string.IsNullOrEmpty(token)
            && WebhookBody.SecretsEqual(request.Query["hub.verify_token"].FirstOrDefault(), token)
            ? Results.Text(request.Query["hub.challenge"].ToString(), "text/plain")
            : Results.Text("Verification refused.", statusCode: StatusCodes.Status403Forbidden);
    }

    public static async Task<IResult> ReceiveAsync(HttpContext context, Inbox inbox, IOptions<PlatformEventsOptions> options, CancellationToken cancellationToken)
    {
        var secret = options.Value.WhatsAppAppSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return Results.Text("Wrong or missing signature.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var body = await WebhookBody.ReadAsync(context.Request, InboxUpdate.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Results.Text("The body is larger than a webhook can be.", statusCode: StatusCodes.Status400BadRequest);
        }

        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
        if (!WebhookBody.SecretsEqual(context.Request.Headers[SignatureHeader].FirstOrDefault()?.ToLowerInvariant(), expected))
        {
            return Results.Text("Wrong or missing signature.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (Changes(body) is not { } changes)
        {
            return Results.Text("The body is not a WhatsApp Business Account notification.", statusCode: StatusCodes.Status400BadRequest);
        }

        foreach (var (account, field, change) in changes)
        {
            var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(change)));
            await inbox.StoreAsync(Platform.WhatsApp, account, key, "whatsapp:" + field, change, cancellationToken);
        }

        return Results.Ok();
    }

    /// <summary>Each change with the business number it concerns (its phone number id) and its field.</summary>
    internal static List<(string Account, string Field, string Change)>? Changes(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject root || root["object"]?.ToString() != "whatsapp_business_account" || root["entry"] is not JsonArray entries)
            {
                return null;
            }

            var changes = new List<(string, string, string)>();
            foreach (var change in entries.OfType<JsonObject>().SelectMany(e => e["changes"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var field = change["field"]?.ToString() ?? "unknown";
                var number = change["value"]?["metadata"]?["phone_number_id"]?.ToString() ?? "unknown";
                changes.Add((number, field, change.ToJsonString()));
            }

            return changes;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
