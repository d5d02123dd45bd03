using System.Globalization;
using System.Net;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// Admin and bot drift (issue 14 item 5, §7): asks Telegram for each active group's administrators
/// (<c>getChatAdministrators</c>) and compares them with the group's designated administrator and the KQZ bot
/// (<see cref="GroupAdministrationCheck.Record"/>). Runs with the §11 sweep on the groups asked longest ago, a few at a
/// time, so every group is seen within <see cref="PlatformEventsOptions.AdministratorCheckMinutes"/>; a group's
/// administrator can also ask for it at once from the group's page.
/// </summary>
public sealed partial class AdministratorCheck(AppDbContext db, TelegramBots bots, IOptions<PlatformEventsOptions> options, TimeProvider clock, ILogger<AdministratorCheck> logger)
{
    /// <returns>How many groups were asked.</returns>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = clock.GetUtcNow().AddMinutes(-Math.Max(1, settings.AdministratorCheckMinutes));
        var groupIds = await (from g in db.Groups
                              where g.Platform == Platform.Telegram && g.Status == GroupStatus.Active
                              join c in db.GroupAdministrationChecks on g.Id equals c.GroupId into checks
                              from c in checks.DefaultIfEmpty()
                              where c == null || c.AttemptedAt < due
                              orderby c == null ? 0 : 1, c!.AttemptedAt, g.Id
                              select g.Id)
            .Take(Math.Max(1, settings.AdministratorChecksPerRun)).ToListAsync(cancellationToken);
        var asked = 0;
        foreach (var groupId in groupIds)
        {
            asked++;
            if (!(await CheckAsync(groupId, cancellationToken)).Answered)
            {
                // Telegram is not answering: the rest wait for the next sweep instead of holding up the inbox.
                break;
            }
        }

        return asked;
    }

    /// <summary>Asks now and saves what the platform said; no check for a group that is not on Telegram.</summary>
    /// <returns>The group's check, and whether the platform answered this time.</returns>
    public async Task<(GroupAdministrationCheck? Check, bool Answered)> CheckAsync(int groupId, CancellationToken cancellationToken)
    {
        var group = await (from g in db.Groups
                           join a in db.OfficialAccounts on g.AccountId equals a.Id
                           where g.Id == groupId
                           select new { g.Platform, g.Kind, g.PlatformId, g.AdministratorId, a.Handle }).SingleAsync(cancellationToken);
        if (group.Platform != Platform.Telegram)
        {
            return (null, true);
        }

        var now = clock.GetUtcNow();
        var check = await OfAsync(db, groupId, now, cancellationToken);
        var answered = true;

        if (bots.For(group.Handle) is not { } bot)
        {
            check.RecordBot(BotRightsProblem.Unreachable, TelegramBots.NoBot(group.Handle), now);
        }
        else
        {
            try
            {
                // returnBots: another bot with admin rights could post what nobody approved, so it counts too.
                var administrators = await bot.GetChatAdministrators(TelegramBots.ChatOf(group.PlatformId), returnBots: true, cancellationToken);
                var director = await db.StaffPlatformLinks
                    .Where(l => l.StaffMemberId == group.AdministratorId && l.Platform == Platform.Telegram)
                    .Select(l => l.PlatformUserId).SingleOrDefaultAsync(cancellationToken);
                var mine = administrators.FirstOrDefault(a => a.User.Id == bot.BotId);
                check.Record(
                    [.. administrators.Select(a => new PlatformAdministrator(Id(a.User.Id), TelegramNames.Of(a.User), a.User.IsBot))],
                    Id(bot.BotId), TelegramBotRights.Problem(mine, group.Kind), director, now);
            }
            catch (ApiRequestException refused) when (refused.ErrorCode is (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.Forbidden)
            {
                // 403: the bot was removed or blocked; 400: the chat is gone or the id is wrong. Both are definite.
                check.RecordBot(refused.ErrorCode == (int)HttpStatusCode.Forbidden ? BotRightsProblem.Removed : BotRightsProblem.Unreachable,
                    $"Telegram {refused.ErrorCode}: {refused.Message}", now);
            }
            catch (RequestException unanswered)
            {
                // 429, 5xx or no answer says nothing about the group: the last comparison stands, and it is asked again later.
                check.Attempted(now);
                answered = false;
                LogUnanswered(groupId, unanswered.GetType().Name);
            }
        }

        if (check.HasProblem)
        {
            LogProblem(groupId, check.BotProblem, check.DirectorProblem, check.ExtraAdministrators is not null);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (check, answered);
    }

    /// <summary>The group's check row, added (unsaved) on the first look.</summary>
    public static async Task<GroupAdministrationCheck> OfAsync(AppDbContext db, int groupId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.GroupAdministrationChecks.SingleOrDefaultAsync(c => c.GroupId == groupId, cancellationToken) is { } check)
        {
            return check;
        }

        check = GroupAdministrationCheck.For(groupId, now);
        db.GroupAdministrationChecks.Add(check);
        return check;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Group {GroupId}: Telegram did not answer the administrator check ({Failure}); asked again later")]
    private partial void LogUnanswered(int groupId, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Group {GroupId}: administrators differ from §7 (bot: {BotProblem}, director: {DirectorProblem}, others: {Extra})")]
    private partial void LogProblem(int groupId, BotRightsProblem? botProblem, DirectorProblem? directorProblem, bool extra);
}
