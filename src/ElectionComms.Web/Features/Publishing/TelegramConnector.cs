using System.Globalization;
using System.Net;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Messages;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ElectionComms.Web.Features.Publishing;

/// <summary>
/// Telegram through the Telegram.Bot client: <c>sendMessage</c> with the portal's formatting as Telegram HTML, to
/// groups and channels by chat id or @username. The library's own 429 retry is off: the dispatcher decides when to
/// try again, so that one place paces and records every attempt. The token sits in the request path
/// (<c>/bot&lt;token&gt;/sendMessage</c>), so the HttpClient has no request loggers and no exception text that
/// might carry the URL is kept; reasons are built from the platform's error code and description only.
/// </summary>
public sealed class TelegramConnector(IHttpClientFactory httpClients, IOptions<PublishingOptions> options) : IPlatformConnector
{
    public const string HttpClientName = "telegram";

    public Platform Platform => Platform.Telegram;

    public async Task<SendResult> SendAsync(Outgoing outgoing, CancellationToken cancellationToken)
    {
        var settings = options.Value.Telegram;
        if (!settings.Tokens.TryGetValue(outgoing.AccountHandle.TrimStart('@'), out var token) || string.IsNullOrWhiteSpace(token))
        {
            return new SendResult.Failed($"No bot token is configured for the account {outgoing.AccountHandle}.");
        }

        TelegramBotClient bot;
        try
        {
            bot = new TelegramBotClient(
                new TelegramBotClientOptions(token, settings.BaseUrl) { RetryCount = 0, RetryThreshold = 0 },
                httpClients.CreateClient(HttpClientName));
        }
        catch (ArgumentException)
        {
            return new SendResult.Failed($"The bot token of the account {outgoing.AccountHandle} is not in Telegram's format.");
        }

        bot.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        try
        {
            var sent = await bot.SendMessage(ChatOf(outgoing.ChatId), MessageFormatting.ToTelegramHtml(outgoing.Text), ParseMode.Html, cancellationToken: cancellationToken);
            return new SendResult.Sent(sent.MessageId.ToString(CultureInfo.InvariantCulture));
        }
        catch (ApiRequestException refused)
        {
            return Classify(refused);
        }
        catch (RequestException failure)
        {
            // No answer the library could read: a timeout, a dropped connection, a 5xx page without JSON.
            var status = failure.HttpStatusCode is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) : "no answer";
            return new SendResult.Retry($"Telegram did not answer ({status}).", null);
        }
    }

    private static SendResult Classify(ApiRequestException refused)
    {
        var reason = $"Telegram {refused.ErrorCode}: {refused.Message}";
        return refused.ErrorCode switch
        {
            (int)HttpStatusCode.TooManyRequests => new SendResult.Retry(reason, refused.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null),
            >= 500 => new SendResult.Retry(reason, null),

            // 400 chat not found, 403 bot was kicked, 401 token revoked: a person must act on the group or the account.
            _ => new SendResult.Failed(reason),
        };
    }

    private static ChatId ChatOf(string platformId) =>
        long.TryParse(platformId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? new ChatId(id) : new ChatId(platformId);
}
