using ElectionComms.Domain.Channels;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// What the bot must be allowed in a group (issue 14 item 5): to post (a channel), and in a group to invite users
/// (join-request links) and to restrict members (the §11 removal). Anything less is a problem for the inventory.
/// </summary>
public static class TelegramBotRights
{
    /// <returns>Why the bot cannot do its work in the group, or null when it can.</returns>
    public static string? Problem(ChatMember bot, GroupKind kind, string changedBy) => bot switch
    {
        { Status: ChatMemberStatus.Left or ChatMemberStatus.Kicked } => $"Telegram: the bot was removed from the group (by {changedBy}).",
        ChatMemberAdministrator admin when kind == GroupKind.Channel && admin.CanPostMessages != true =>
            $"Telegram: the bot may not post in the channel (changed by {changedBy}).",
        ChatMemberAdministrator admin when kind == GroupKind.Group && !(admin.CanInviteUsers && admin.CanRestrictMembers) =>
            $"Telegram: the bot lacks the right to {(admin.CanInviteUsers ? "remove members" : "invite users")} (changed by {changedBy}).",
        ChatMemberAdministrator or ChatMemberOwner => null,
        _ => $"Telegram: the bot is no longer an administrator of the group (changed by {changedBy}); it cannot admit or remove members.",
    };
}
