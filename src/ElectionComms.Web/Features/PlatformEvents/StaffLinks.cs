using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// Links a KQZ employee to their own Telegram account (issue 14 item 5), so the administrator check can find the
/// group's designated director among the group's administrators. The portal makes a one-time code and shows a start
/// link to a KQZ bot (<c>https://t.me/&lt;bot&gt;?start=staff-&lt;code&gt;</c>); Telegram sends the bot
/// <c>/start staff-&lt;code&gt;</c> from whoever opens it, and that account is linked. The code is random, kept only
/// as a hash, used once and good for <see cref="StaffPlatformLink.CodeLifetime"/>.
/// </summary>
public sealed partial class StaffLinks(AppDbContext db, TelegramBots bots, IStringLocalizer<Strings> text, TimeProvider clock, ILogger<StaffLinks> logger)
{
    public const string StartPrefix = "staff-";

    // 16 random bytes in base64url: 22 characters, inside Telegram's 64 for a start parameter.
    private const int CodeLength = 22;

    public sealed record Started(string Link, DateTimeOffset ExpiresAt);

    /// <summary>A new code for the employee and the start link that carries it; null when no KQZ bot answers.</summary>
    public async Task<Started?> StartAsync(Guid staffMemberId, CancellationToken cancellationToken)
    {
        if (await BotUsernameAsync(cancellationToken) is not { } username)
        {
            return null;
        }

        var code = Base64Url(RandomNumberGenerator.GetBytes(16));
        var now = clock.GetUtcNow();
        var link = await db.StaffPlatformLinks.SingleOrDefaultAsync(l => l.StaffMemberId == staffMemberId && l.Platform == Platform.Telegram, cancellationToken);
        if (link is null)
        {
            db.StaffPlatformLinks.Add(StaffPlatformLink.Start(staffMemberId, Platform.Telegram, Hash(code), now));
        }
        else
        {
            link.NewCode(Hash(code), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Started($"https://t.me/{username}?start={StartPrefix}{code}", now + StaffPlatformLink.CodeLifetime);
    }

    public async Task UnlinkAsync(Guid staffMemberId, CancellationToken cancellationToken)
    {
        if (await db.StaffPlatformLinks.SingleOrDefaultAsync(l => l.StaffMemberId == staffMemberId && l.Platform == Platform.Telegram, cancellationToken) is { } link)
        {
            link.Unlink();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The code of a "/start staff-…" message, or null for any other text.</summary>
    public static string? CodeIn(string message)
    {
        var parts = message.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts[0].Equals("/start", StringComparison.Ordinal) || !parts[1].StartsWith(StartPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var code = parts[1][StartPrefix.Length..];
        return code.Length == CodeLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? code : null;
    }

    /// <summary>The private "/start staff-&lt;code&gt;": links the sender when the code is waiting and their account is nobody else's.</summary>
    public async Task<string> CompleteAsync(InboxUpdate inbox, Message message, string code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var userId = message.From!.Id.ToString(CultureInfo.InvariantCulture);
        var chat = message.Chat.Id.ToString(CultureInfo.InvariantCulture);
        void Reply(string key, params object[] arguments) =>
            db.BotActions.Add(BotAction.Message(Platform.Telegram, inbox.Account, chat, text[key, arguments].Value, asksForContact: false, now));

        var hash = Hash(code);
        var link = await db.StaffPlatformLinks.SingleOrDefaultAsync(l => l.Platform == Platform.Telegram && l.CodeHash == hash, cancellationToken);
        if (link is null || !link.CodeValidAt(now))
        {
            Reply("Bot.StaffLinkExpired");
            return "Staff link: the code is unknown, used or expired.";
        }

        if (await db.StaffPlatformLinks.AnyAsync(l => l.Platform == Platform.Telegram && l.PlatformUserId == userId && l.StaffMemberId != link.StaffMemberId, cancellationToken))
        {
            Reply("Bot.StaffLinkTaken");
            return "Staff link refused: this Telegram account is linked to another employee.";
        }

        link.Complete(userId, TelegramNames.Of(message.From), now);
        var name = await db.Staff.Where(s => s.Id == link.StaffMemberId).Select(s => s.FullName).SingleAsync(cancellationToken);
        Reply("Bot.StaffLinked", name);
        LogLinked(link.StaffMemberId, inbox.Id);
        return "Staff link: the employee's Telegram account is linked.";
    }

    /// <summary>The username of the first active official Telegram account's bot that answers getMe.</summary>
    private async Task<string?> BotUsernameAsync(CancellationToken cancellationToken)
    {
        var handles = await db.OfficialAccounts.Where(a => a.Platform == Platform.Telegram && a.Status == AccountStatus.Active)
            .OrderBy(a => a.Id).Select(a => a.Handle).ToListAsync(cancellationToken);
        foreach (var handle in handles)
        {
            if (bots.For(handle) is not { } bot)
            {
                continue;
            }

            try
            {
                if ((await bot.GetMe(cancellationToken)).Username is { Length: > 0 } username)
                {
                    return username;
                }
            }
            catch (RequestException)
            {
                LogNoAnswer(handle);
            }
        }

        return null;
    }

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff member {StaffMemberId} linked their Telegram account (update {UpdateId})")]
    private partial void LogLinked(Guid staffMemberId, long updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot of {Handle} did not answer getMe")]
    private partial void LogNoAnswer(string handle);
}
