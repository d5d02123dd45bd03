using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Messages;
using Microsoft.Extensions.Options;

namespace ElectionComms.Web.Features.Publishing;

/// <summary>
/// WhatsApp through the Cloud API's Groups support over <see cref="HttpClient"/> (Meta publishes no .NET client):
/// <c>POST /{version}/{phone-number-id}/messages</c> with <c>recipient_type: "group"</c> and the group id the Groups
/// API gave when the business number created the group; a file is uploaded first (<c>/media</c>) and sent by its
/// media id as a document or image with the text as caption, one post. The platform's own limits, said in the UI
/// too: a Cloud API group has at most 8 participants and takes no interactive messages, a business number creates at
/// most 10,000 groups, and a message sent to a group cannot be deleted (no recall). Groups run from a phone have no
/// group id, only an invitation link, and are posted by hand (<see cref="Domain.Publishing.DeliveryMethods"/>).
/// The access token travels in the Authorization header only; the client has no request loggers.
/// </summary>
public sealed class WhatsAppConnector(IHttpClientFactory httpClients, IOptions<PublishingOptions> options) : IPlatformConnector
{
    public const string HttpClientName = "whatsapp";

    // Cloud API error codes (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes).
    private static readonly HashSet<int> Throttled = [4, 80007, 130429, 131048, 131056];
    private static readonly HashSet<int> Unavailable = [1, 2, 131000, 131016];
    private static readonly HashSet<int> TokenRefused = [0, 190, 10, 200];
    private static readonly HashSet<int> GroupUnreachable = [131009, 131026, 100];

    public Platform Platform => Platform.WhatsApp;

    public async Task<SendResult> SendAsync(Outgoing outgoing, CancellationToken cancellationToken)
    {
        if (Number(outgoing.AccountHandle) is not { } number)
        {
            return new SendResult.Failed(NoNumber(outgoing.AccountHandle));
        }

        var text = MessageFormatting.ToWhatsAppText(outgoing.Text);
        try
        {
            var message = new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["recipient_type"] = "group",
                ["to"] = outgoing.ChatId,
            };
            if (outgoing.Attachment is not { } file)
            {
                message["type"] = "text";
                message["text"] = new JsonObject { ["preview_url"] = false, ["body"] = text };
            }
            else
            {
                var upload = await UploadAsync(number, file, cancellationToken);
                if (upload.Error is { } refused)
                {
                    return refused;
                }

                var type = file.Kind == AttachmentKind.Pdf ? "document" : "image";
                var media = new JsonObject { ["id"] = upload.Id, ["caption"] = text };
                if (type == "document")
                {
                    media["filename"] = file.FileName;
                }

                message["type"] = type;
                message[type] = media;
            }

            using var request = Request(number, "messages", JsonContent.Create(message));
            using var response = await Client().SendAsync(request, cancellationToken);
            var body = await ReadAsync(response, cancellationToken);
            return response.IsSuccessStatusCode && body?["messages"]?[0]?["id"]?.GetValue<string>() is { } id
                ? new SendResult.Sent(id)
                : Classify(response, body);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new SendResult.Retry($"WhatsApp did not answer ({failure.GetType().Name}).", null);
        }
    }

    /// <summary>The Cloud API cannot delete a message sent to a group; the person is told so, nothing is called.</summary>
    public Task<RecallResult> RecallAsync(string accountHandle, string chatId, string platformMessageId, CancellationToken cancellationToken) =>
        Task.FromResult<RecallResult>(new RecallResult.NotPossible("WhatsApp does not let a business delete a message it sent to a group."));

    private async Task<(string? Id, SendResult? Error)> UploadAsync(WhatsAppNumber number, OutgoingAttachment file, CancellationToken cancellationToken)
    {
        var part = new ByteArrayContent(file.Content);
        part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        var form = new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent(file.ContentType), "type" },
            { part, "file", file.FileName },
        };
        using var request = Request(number, "media", form);
        using var response = await Client().SendAsync(request, cancellationToken);
        var body = await ReadAsync(response, cancellationToken);
        return response.IsSuccessStatusCode && body?["id"]?.GetValue<string>() is { } id
            ? (id, null)
            : (null, Classify(response, body));
    }

    private HttpRequestMessage Request(WhatsAppNumber number, string edge, HttpContent content)
    {
        var settings = options.Value.WhatsApp;
        var baseUrl = (settings.BaseUrl ?? "https://graph.facebook.com").TrimEnd('/');
        var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/{settings.ApiVersion}/{Uri.EscapeDataString(number.PhoneNumberId)}/{edge}") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", number.AccessToken);
        return request;
    }

    private HttpClient Client()
    {
        var client = httpClients.CreateClient(HttpClientName);
        client.Timeout = TimeSpan.FromSeconds(options.Value.WhatsApp.TimeoutSeconds);
        return client;
    }

    private WhatsAppNumber? Number(string accountHandle) =>
        options.Value.WhatsApp.Numbers.TryGetValue(accountHandle.TrimStart('+', '@'), out var number)
        && !string.IsNullOrWhiteSpace(number.PhoneNumberId) && !string.IsNullOrWhiteSpace(number.AccessToken)
            ? number
            : null;

    private static string NoNumber(string accountHandle) =>
        $"No Cloud API phone number id and access token are configured for the account {accountHandle}.";

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            // A proxy's HTML error page or an empty body: classified by the status alone.
            return null;
        }
    }

    /// <summary>Reasons are built from the platform's status, code and message only, never from the request.</summary>
    private static SendResult Classify(HttpResponseMessage response, JsonNode? body)
    {
        var status = (int)response.StatusCode;
        var error = body?["error"];
        var code = error?["code"]?.GetValue<int>() ?? -1;
        var reason = string.Create(CultureInfo.InvariantCulture, $"WhatsApp {status} ({code}): {error?["message"]?.GetValue<string>() ?? response.ReasonPhrase}");
        TimeSpan? after = response.Headers.RetryAfter?.Delta;
        if (status == (int)HttpStatusCode.TooManyRequests || Throttled.Contains(code))
        {
            return new SendResult.Retry(reason, after);
        }

        if (status >= 500 || Unavailable.Contains(code))
        {
            return new SendResult.Retry(reason, after);
        }

        if (status == (int)HttpStatusCode.Unauthorized || TokenRefused.Contains(code))
        {
            // The token expired or lost its permission: a person must act on the account, not on the group.
            return new SendResult.Failed(reason);
        }

        return new SendResult.Failed(reason, GroupProblem: status == (int)HttpStatusCode.NotFound || GroupUnreachable.Contains(code));
    }
}
