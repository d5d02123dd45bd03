using System.Globalization;
using System.Net;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Messages;
using ElectionComms.Web.Common;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ElectionComms.Web.Features.Publishing;

/// <summary>
/// Telegram through the Telegram.Bot client: <c>sendMessage</c> with the portal's formatting as Telegram HTML, or
/// <c>sendDocument</c> with the text as its caption when a file is attached (one post, so one id to recall), to groups and channels by chat id or
/// @username; <c>deleteMessage</c> to recall. The client comes from <see cref="TelegramBots"/> (no library retry, no
/// request logs: the token is in the path); reasons are built from the platform's error code and description only.
/// </summary>
public sealed class TelegramConnector(TelegramBots bots, IOptions<PublishingOptions> options) : IPlatformConnector
{
    public Platform Platform => Platform.Telegram;

    public async Task<SendResult> SendAsync(Outgoing outgoing, CancellationToken cancellationToken)
    {
        if (bots.For(outgoing.AccountHandle) is not { } bot)
        {
            return new SendResult.Failed(TelegramBots.NoBot(outgoing.AccountHandle));
        }

        var chat = TelegramBots.ChatOf(outgoing.ChatId);
        var paid = options.Value.Telegram.AllowPaidBroadcast;
        var html = MessageFormatting.ToTelegramHtml(outgoing.Text);
        InlineKeyboardMarkup? button = outgoing.AcknowledgeData is { } data ? new(InlineKeyboardButton.WithCallbackData(AcknowledgementCodes.ButtonLabel, data)) : null;
        try
        {
            if (outgoing.Attachment is not { } file)
            {
                return new SendResult.Sent(Id(await bot.SendMessage(chat, html, ParseMode.Html, replyMarkup: button, allowPaidBroadcast: paid, cancellationToken: cancellationToken)));
            }

            // One post: the domain keeps a text sent with a file within Telegram's caption limit (MaxCaptionLength).
            await using var stream = new MemoryStream(file.Content, writable: false);
            var document = await bot.SendDocument(chat, InputFile.FromStream(stream, file.FileName), html, ParseMode.Html, replyMarkup: button, allowPaidBroadcast: paid, cancellationToken: cancellationToken);
            return new SendResult.Sent(Id(document));
        }
        catch (ApiRequestException refused)
        {
            return Classify(refused);
        }
        catch (RequestException failure)
        {
            // No answer the library could read: a timeout, a dropped connection, a 5xx page without JSON.
            return new SendResult.Retry($"Telegram did not answer ({Status(failure)}).", null);
        }
    }

    /// <summary>Deletes the post; Telegram lets a bot delete its own messages in groups for 48 hours.</summary>
    public async Task<RecallResult> RecallAsync(string accountHandle, string chatId, string platformMessageId, CancellationToken cancellationToken)
    {
        if (bots.For(accountHandle) is not { } bot)
        {
            return new RecallResult.Failed(TelegramBots.NoBot(accountHandle));
        }

        try
        {
            await bot.DeleteMessage(TelegramBots.ChatOf(chatId), int.Parse(platformMessageId, CultureInfo.InvariantCulture), cancellationToken);
            return new RecallResult.Recalled();
        }
        catch (ApiRequestException refused) when (refused.ErrorCode == (int)HttpStatusCode.BadRequest && refused.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            // "message to delete not found": removed by hand, or by this recall before its dispatcher stopped.
            return new RecallResult.Recalled();
        }
        catch (ApiRequestException refused) when (refused.ErrorCode is (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.Forbidden)
        {
            // "message can't be deleted" (older than 48 hours), or the bot was removed from the group.
            return new RecallResult.NotPossible($"Telegram {refused.ErrorCode}: {refused.Message}");
        }
        catch (ApiRequestException refused)
        {
            return new RecallResult.Failed($"Telegram {refused.ErrorCode}: {refused.Message}");
        }
        catch (RequestException failure)
        {
            return new RecallResult.Failed($"Telegram did not answer ({Status(failure)}).");
        }
    }

    private static SendResult Classify(ApiRequestException refused)
    {
        var reason = $"Telegram {refused.ErrorCode}: {refused.Message}";
        return refused.ErrorCode switch
        {
            (int)HttpStatusCode.TooManyRequests => new SendResult.Retry(reason, refused.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null),
            >= 500 => new SendResult.Retry(reason, null),

            // 400 chat not found and 403 bot was kicked: the group cannot be reached until someone fixes it.
            (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.Forbidden => new SendResult.Failed(reason, GroupProblem: true),

            // 401 token revoked and the rest: a person must act on the account.
            _ => new SendResult.Failed(reason),
        };
    }

    private static string Id(Telegram.Bot.Types.Message message) => message.MessageId.ToString(CultureInfo.InvariantCulture);

    private static string Status(RequestException failure) =>
        failure.HttpStatusCode is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) : "no answer";
}
