using System.Globalization;
using System.Net;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// Makes the bots' calls the decisions asked for (<see cref="BotAction"/>), one due action at a time, locked with
/// <c>FOR UPDATE SKIP LOCKED</c> for the call and its outcome. 429 waits for <c>retry_after</c>, no answer and 5xx
/// back off; an answer that the thing is already so (a join request already handled, a user not in the group)
/// counts as done; other refusals fail the action with the platform's reason, visible on the group's page.
/// </summary>
public sealed partial class BotActionSender(AppDbContext db, TelegramBots bots, IStringLocalizer<Strings> text, TimeProvider clock, ILogger<BotActionSender> logger)
{
    private const string ClaimSql = """
        SELECT * FROM bot_actions
        WHERE status = 'Pending' AND not_before <= now()
        ORDER BY not_before, id LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    /// <returns>False when no action was due.</returns>
    public async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var action = await db.BotActions.FromSqlRaw(ClaimSql).SingleOrDefaultAsync(cancellationToken);
        if (action is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (action.Platform != Platform.Telegram || bots.For(action.Account) is not { } bot)
        {
            action.Fail(action.Platform == Platform.Telegram ? TelegramBots.NoBot(action.Account) : $"No bot acts on {action.Platform} yet; a person must do it.");
        }
        else
        {
            try
            {
                action.Done(await CallAsync(bot, action, cancellationToken), now);
            }
            catch (ApiRequestException refused) when (refused.ErrorCode == (int)HttpStatusCode.TooManyRequests)
            {
                action.RetryAt(now.AddSeconds(refused.Parameters?.RetryAfter ?? 5), $"Telegram 429: {refused.Message}");
            }
            catch (ApiRequestException refused) when (AlreadySo(refused))
            {
                action.Done($"Telegram {refused.ErrorCode}: {refused.Message}", now);
            }
            catch (ApiRequestException refused) when (refused.ErrorCode >= 500)
            {
                action.RetryAt(now + Backoff(action.Attempts), $"Telegram {refused.ErrorCode}: {refused.Message}");
            }
            catch (ApiRequestException refused)
            {
                action.Fail($"Telegram {refused.ErrorCode}: {refused.Message}");
                LogRefused(action.Id, action.Kind, refused.ErrorCode);
            }
            catch (RequestException failure)
            {
                action.RetryAt(now + Backoff(action.Attempts), $"Telegram did not answer ({(failure.HttpStatusCode is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) : "no answer")}).");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<string?> CallAsync(TelegramBotClient bot, BotAction action, CancellationToken cancellationToken)
    {
        var user = action.UserId is null ? 0 : long.Parse(action.UserId, CultureInfo.InvariantCulture);
        switch (action.Kind)
        {
            case BotActionKind.PrivateMessage:
                ReplyMarkup markup = action.AsksForContact
                    ? new ReplyKeyboardMarkup(new KeyboardButton(text["Bot.ShareContact"].Value, requestContact: true, requestLocation: false)) { OneTimeKeyboard = true, ResizeKeyboard = true }
                    : new ReplyKeyboardRemove();
                var sent = await bot.SendMessage(TelegramBots.ChatOf(action.ChatId), action.Text!, replyMarkup: markup, cancellationToken: cancellationToken);
                return sent.MessageId.ToString(CultureInfo.InvariantCulture);
            case BotActionKind.ApproveJoin:
                await bot.ApproveChatJoinRequest(TelegramBots.ChatOf(action.ChatId), user, cancellationToken);
                return null;
            case BotActionKind.AnswerButton:
                await bot.AnswerCallbackQuery(action.ChatId, action.Text, cancellationToken: cancellationToken);
                return null;
            case BotActionKind.DeclineJoin:
                await bot.DeclineChatJoinRequest(TelegramBots.ChatOf(action.ChatId), user, cancellationToken);
                return null;
            default:
                // Ban, then unban at once: out of the group now, and free to join again through a proper invitation.
                var group = TelegramBots.ChatOf(action.ChatId);
                await bot.BanChatMember(group, user, cancellationToken: cancellationToken);
                await bot.UnbanChatMember(group, user, onlyIfBanned: true, cancellationToken);
                return null;
        }
    }

    /// <summary>"HIDE_REQUESTER_MISSING" (the request was already handled), "USER_ALREADY_PARTICIPANT", a user not in the chat.</summary>
    private static bool AlreadySo(ApiRequestException refused) =>
        refused.ErrorCode == (int)HttpStatusCode.BadRequest
        && (refused.Message.Contains("HIDE_REQUESTER_MISSING", StringComparison.OrdinalIgnoreCase)
            || refused.Message.Contains("USER_ALREADY_PARTICIPANT", StringComparison.OrdinalIgnoreCase)
            || refused.Message.Contains("user not found", StringComparison.OrdinalIgnoreCase));

    private static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Max(1, Random.Shared.NextDouble() * 5 * Math.Pow(2, Math.Min(attempts, 8))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot action {ActionId} ({Kind}) refused by Telegram with {ErrorCode}")]
    private partial void LogRefused(long actionId, BotActionKind kind, int errorCode);
}
