using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ElectionComms.Web.Features.Channels.Groups;

/// <summary>
/// A Telegram group's join link made by its own bot with <c>createChatInviteLink(creates_join_request: true)</c>
/// (issue 14 item 2): whoever follows it is not let in until the bot has checked their number against the registry.
/// The link replaces the group's join link, and invitations show it from then on.
/// </summary>
public sealed class BotJoinLink(AppDbContext db, TelegramBots bots)
{
    public const int NameMaxLength = 32;

    public async Task CreateAsync(Group group, CancellationToken cancellationToken)
    {
        if (group.Platform != Platform.Telegram || group.Kind != GroupKind.Group)
        {
            throw new DomainException("Group.BotJoinLinkTelegramOnly");
        }

        var handle = await db.OfficialAccounts.Where(a => a.Id == group.AccountId).Select(a => a.Handle).SingleAsync(cancellationToken);
        if (bots.For(handle) is not { } bot)
        {
            throw new DomainException("Group.BotJoinLinkFailed", TelegramBots.NoBot(handle));
        }

        try
        {
            var name = "KQZ – " + group.Name;
            name = name.Length > NameMaxLength ? name[..NameMaxLength] : name;
            var link = await bot.CreateChatInviteLink(TelegramBots.ChatOf(group.PlatformId), name, createsJoinRequest: true, cancellationToken: cancellationToken);
            group.SetJoinLink(link.InviteLink, usesJoinRequests: true, group.BotStartLink);
        }
        catch (ApiRequestException refused)
        {
            throw new DomainException("Group.BotJoinLinkFailed", $"Telegram {refused.ErrorCode}: {refused.Message}");
        }
        catch (RequestException)
        {
            throw new DomainException("Group.BotJoinLinkFailed", "Telegram did not answer.");
        }
    }
}
