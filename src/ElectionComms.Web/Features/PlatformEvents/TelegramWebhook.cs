using System.Globalization;
using System.Text.Json;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using Microsoft.Extensions.Options;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// <c>POST /webhooks/telegram/{bot}</c>, the address <c>--set-webhooks</c> gives Telegram for each bot (issue 14 item
/// 1). Trusts nothing: the secret header must equal the bot's configured secret (compared in constant time; wrong,
/// missing or a bot without a secret: 401), the body must be a JSON object of at most 256 KB with a numeric
/// <c>update_id</c> (else 400); only then is it stored, raw, once. Any other answer than 200 makes Telegram deliver
/// again later, so storing is all that happens before the answer.
/// </summary>
public static class TelegramWebhook
{
    public const string Path = "/webhooks/telegram/{bot}";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static async Task<IResult> ReceiveAsync(string bot, HttpContext context, Inbox inbox, IOptions<PlatformEventsOptions> options, CancellationToken cancellationToken)
    {
        if (!options.Value.TelegramSecrets.TryGetValue(bot, out var secret) || string.IsNullOrEmpty(secret)
            || !WebhookBody.SecretsEqual(context.Request.Headers[SecretHeader].FirstOrDefault(), secret))
        {
            return Results.Text("Wrong or missing secret token.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var body = await WebhookBody.ReadAsync(context.Request, InboxUpdate.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Results.Text("The body is larger than an update can be.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (Parse(body) is not { } update)
        {
            return Results.Text("The body is not a Telegram update (a JSON object with a numeric update_id).", statusCode: StatusCodes.Status400BadRequest);
        }

        await inbox.StoreAsync(Platform.Telegram, "@" + bot.ToLowerInvariant(), update.Key, update.Kind, body, cancellationToken);
        return Results.Ok();
    }

    /// <summary>The update's id and kind (its one field besides <c>update_id</c>), or null when it is not an update.</summary>
    internal static (string Key, string Kind)? Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("update_id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var updateId))
            {
                return null;
            }

            var kind = root.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n != "update_id") ?? "empty";
            return (updateId.ToString(CultureInfo.InvariantCulture), kind);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
