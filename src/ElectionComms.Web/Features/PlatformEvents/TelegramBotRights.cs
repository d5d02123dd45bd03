using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// What the bot must be allowed in a group (issue 14 item 5): to post (a channel), and in a group to invite users
/// (join-request links) and to restrict members (the §11 removal). Anything less is a problem for the inventory.
/// </summary>
public static class TelegramBotRights
{
    /// <returns>What keeps the bot from its work in the group, or null when nothing does.</returns>
    public static BotRightsProblem? Problem(ChatMember? bot, GroupKind kind) => bot switch
    {
        null => BotRightsProblem.NotAdministrator,
        { Status: ChatMemberStatus.Left or ChatMemberStatus.Kicked } => BotRightsProblem.Removed,
        ChatMemberAdministrator admin when kind == GroupKind.Channel && admin.CanPostMessages != true => BotRightsProblem.CannotPost,
        ChatMemberAdministrator { CanInviteUsers: false } when kind == GroupKind.Group => BotRightsProblem.CannotInvite,
        ChatMemberAdministrator { CanRestrictMembers: false } when kind == GroupKind.Group => BotRightsProblem.CannotRemove,
        ChatMemberAdministrator or ChatMemberOwner => null,
        _ => BotRightsProblem.NotAdministrator,
    };
}
