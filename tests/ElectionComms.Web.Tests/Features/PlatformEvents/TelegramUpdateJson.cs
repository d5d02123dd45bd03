using System.Globalization;
using System.Text.Json.Nodes;

namespace ElectionComms.Web.Tests.Features.PlatformEvents;

/// <summary>Telegram updates as the Bot API sends them (field names and shapes of core.telegram.org/bots/api).</summary>
public static class TelegramUpdateJson
{
    private static long nextUpdate = 700_000_000;

    public static long NextId() => Interlocked.Increment(ref nextUpdate);

    public static JsonObject User(long id, string first = "Arta", string last = "Hoxha") =>
        new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = first, ["last_name"] = last, ["language_code"] = "sq" };

    public static JsonObject Group(string chatId) =>
        new() { ["id"] = long.Parse(chatId, CultureInfo.InvariantCulture), ["title"] = "KZAZ 1", ["type"] = "supergroup" };

    public static JsonObject JoinRequest(string chatId, long userId) => new()
    {
        ["update_id"] = NextId(),
        ["chat_join_request"] = new JsonObject
        {
            ["chat"] = Group(chatId),
            ["from"] = User(userId),
            ["user_chat_id"] = userId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["invite_link"] = new JsonObject
            {
                ["invite_link"] = "https://t.me/+AbCdEfGhIjKlMnOp",
                ["creator"] = new JsonObject { ["id"] = 111111, ["is_bot"] = true, ["first_name"] = "KQZ", ["username"] = "KqzAdministrataBot" },
                ["creates_join_request"] = true,
                ["is_primary"] = false,
                ["is_revoked"] = false,
            },
        },
    };

    /// <summary>A contact shared in the private chat; <paramref name="contactUserId"/> is whose card it is.</summary>
    public static JsonObject Contact(long fromId, long? contactUserId, string phone) => new()
    {
        ["update_id"] = NextId(),
        ["message"] = new JsonObject
        {
            ["message_id"] = 17,
            ["from"] = User(fromId),
            ["chat"] = new JsonObject { ["id"] = fromId, ["first_name"] = "Arta", ["last_name"] = "Hoxha", ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["contact"] = contactUserId is { } owner
                ? new JsonObject { ["phone_number"] = phone, ["first_name"] = "Arta", ["user_id"] = owner }
                : new JsonObject { ["phone_number"] = phone, ["first_name"] = "Dikush" },
        },
    };

    /// <summary>A text the user typed (or a start link sent, "/start &lt;parameter&gt;") in their private chat with the bot.</summary>
    public static JsonObject PrivateText(long fromId, string text, string first = "Arta", string last = "Hoxha") => new()
    {
        ["update_id"] = NextId(),
        ["message"] = new JsonObject
        {
            ["message_id"] = 18,
            ["from"] = User(fromId, first, last),
            ["chat"] = new JsonObject { ["id"] = fromId, ["first_name"] = first, ["last_name"] = last, ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        },
    };

    /// <summary>A chat_member update: <paramref name="userId"/> goes from <paramref name="from"/> to <paramref name="to"/>, by <paramref name="byId"/>.</summary>
    public static JsonObject MemberChange(string chatId, long userId, long byId, string from, string to) => new()
    {
        ["update_id"] = NextId(),
        ["chat_member"] = new JsonObject
        {
            ["chat"] = Group(chatId),
            ["from"] = User(byId, "Besa", "Kola"),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["old_chat_member"] = new JsonObject { ["user"] = User(userId), ["status"] = from },
            ["new_chat_member"] = new JsonObject { ["user"] = User(userId), ["status"] = to },
        },
    };

    /// <summary>A my_chat_member update: the bot itself demoted to a member, or made an administrator with or without the right to restrict members.</summary>
    public static JsonObject BotMembership(string chatId, string status, bool canRestrict = true) => new()
    {
        ["update_id"] = NextId(),
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = Group(chatId),
            ["from"] = User(4_440_004, "Besa", "Kola"),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["old_chat_member"] = Administrator(canRestrict: true),
            ["new_chat_member"] = status == "administrator"
                ? Administrator(canRestrict)
                : new JsonObject { ["user"] = Bot(), ["status"] = status },
        },
    };

    private static JsonObject Bot() => new() { ["id"] = 111111, ["is_bot"] = true, ["first_name"] = "KQZ", ["username"] = "KqzAdministrataBot" };

    private static JsonObject Administrator(bool canRestrict) => new()
    {
        ["user"] = Bot(),
        ["status"] = "administrator",
        ["can_be_edited"] = false,
        ["is_anonymous"] = false,
        ["can_manage_chat"] = true,
        ["can_delete_messages"] = true,
        ["can_manage_video_chats"] = false,
        ["can_restrict_members"] = canRestrict,
        ["can_promote_members"] = false,
        ["can_change_info"] = false,
        ["can_invite_users"] = true,
        ["can_post_stories"] = false,
        ["can_edit_stories"] = false,
        ["can_delete_stories"] = false,
        ["can_pin_messages"] = true,
    };
}
