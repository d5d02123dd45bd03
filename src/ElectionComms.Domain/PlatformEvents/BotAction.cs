using ElectionComms.Domain.Channels;

namespace ElectionComms.Domain.PlatformEvents;

public enum BotActionKind
{
    /// <summary>A message to the user's private chat with the bot; optionally with a "share my number" button.</summary>
    PrivateMessage = 1,
    ApproveJoin = 2,
    DeclineJoin = 3,

    /// <summary>Ban then unban at once: the user is out of the group and may rejoin properly later (§11).</summary>
    Remove = 4,

    /// <summary>answerCallbackQuery: the small notice a button press gets; <see cref="BotAction.ChatId"/> holds the query id.</summary>
    AnswerButton = 5,
}

public enum BotActionStatus
{
    Pending = 1,
    Done = 2,
    Failed = 3,
}

/// <summary>
/// A call the bot must make because of a decision (issue 14): written in the decision's transaction, made afterwards.
/// Approving, declining and removing mean the same when made twice, so an action whose answer was lost is simply
/// made again; a private message may then arrive twice, which is the only repeat the outbox allows.
/// </summary>
public sealed class BotAction
{
    public const int TextMaxLength = 4096;
    public const int MaxAttempts = 6;

    private BotAction()
    {
        Account = string.Empty;
        ChatId = string.Empty;
    }

    public long Id { get; private set; }

    public Platform Platform { get; private set; }

    public string Account { get; private set; }

    public BotActionKind Kind { get; private set; }

    /// <summary>The group's chat id, or the user's private chat for a message.</summary>
    public string ChatId { get; private set; }

    public string? UserId { get; private set; }

    public string? Text { get; private set; }

    public bool AsksForContact { get; private set; }

    public BotActionStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NotBefore { get; private set; }

    public string? Result { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static BotAction Message(Platform platform, string account, string privateChatId, string text, bool asksForContact, DateTimeOffset now) =>
        New(platform, account, BotActionKind.PrivateMessage, privateChatId, null, text.Length <= TextMaxLength ? text : text[..TextMaxLength], asksForContact, now);

    public static BotAction AnswerButton(Platform platform, string account, string callbackQueryId, string text, DateTimeOffset now) =>
        New(platform, account, BotActionKind.AnswerButton, callbackQueryId, null, text.Length <= 200 ? text : text[..200], false, now);

    public static BotAction OnMember(Platform platform, string account, BotActionKind kind, string groupChatId, string userId, DateTimeOffset now) =>
        kind is BotActionKind.PrivateMessage or BotActionKind.AnswerButton
            ? throw new ArgumentException("A private message has its own factory.", nameof(kind))
            : New(platform, account, kind, groupChatId, userId, null, false, now);

    public void Done(string? result, DateTimeOffset now)
    {
        Status = BotActionStatus.Done;
        Attempts++;
        Result = result;
        NotBefore = now;
    }

    /// <summary>Refused for now: tried again at <paramref name="retryAt"/>, until <see cref="MaxAttempts"/>.</summary>
    public void RetryAt(DateTimeOffset retryAt, string reason)
    {
        Attempts++;
        Result = reason;
        NotBefore = retryAt;
        if (Attempts >= MaxAttempts)
        {
            Status = BotActionStatus.Failed;
        }
    }

    public void Fail(string reason)
    {
        Attempts++;
        Result = reason;
        Status = BotActionStatus.Failed;
    }

    private static BotAction New(Platform platform, string account, BotActionKind kind, string chatId, string? userId, string? text, bool asksForContact, DateTimeOffset now) => new()
    {
        Platform = platform,
        Account = account,
        Kind = kind,
        ChatId = chatId,
        UserId = userId,
        Text = text,
        AsksForContact = asksForContact,
        Status = BotActionStatus.Pending,
        NotBefore = now,
        CreatedAt = now,
    };
}
