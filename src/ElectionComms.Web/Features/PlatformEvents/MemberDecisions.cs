using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// Who may be in a platform group (issue 14 items 2–3, §5c, §11), decided with the same rule as the public invitation
/// page (<see cref="EligibilityQuery.MayBeInvitedAsync"/>: an active person of the group's election, level and unit in
/// scope, mandate running, not removed). Each decision is a <see cref="MemberEvent"/> with the masked number and the
/// bot's calls as <see cref="BotAction"/>s, all saved by the caller in one transaction.
/// </summary>
public sealed class MemberDecisions(AppDbContext db, EligibilityQuery eligibility, IStringLocalizer<Strings> text, TimeProvider clock)
{
    /// <summary>The group this bot posts to under this chat id (or public @name), if the inventory has it.</summary>
    public async Task<Group?> GroupAsync(Platform platform, string account, string chatId, string? username, CancellationToken cancellationToken)
    {
        var ids = username is null ? [chatId] : new[] { chatId, "@" + username.ToLowerInvariant() };
        return await db.Groups.Where(g => g.Platform == platform && ids.Contains(g.PlatformId)
                && db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.Handle == account))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The person the platform user is bound to, if any.</summary>
    public async Task<int?> PersonOfAsync(Platform platform, string userId, CancellationToken cancellationToken) =>
        await db.PlatformIdentities.Where(i => i.Platform == platform && i.PlatformUserId == userId)
            .Select(i => (int?)i.PersonId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Why <paramref name="personId"/> may not be in the group today, or null when they may.</summary>
    public async Task<MemberRefusal?> RefusalAsync(Group group, int? personId, CancellationToken cancellationToken) =>
        personId is not { } id ? MemberRefusal.NotIdentified
            : await eligibility.MayBeInvitedAsync(id, group.Id, PortalTime.Today(clock), cancellationToken) ? null
            : MemberRefusal.NotEligible;

    /// <summary>Lets the join request in or refuses it, and tells the user why in their private chat with the bot.</summary>
    public void Decide(Group group, string account, string userId, string? name, int? personId, MemberRefusal? refusal, string? maskedPhone, long updateId)
    {
        var now = clock.GetUtcNow();
        db.MemberEvents.Add(MemberEvent.Record(group.Id, group.Platform, userId, name, personId,
            refusal is null ? MemberEventKind.JoinApproved : MemberEventKind.JoinDeclined, refusal, maskedPhone, updateId, now));
        db.BotActions.Add(BotAction.OnMember(group.Platform, account, refusal is null ? BotActionKind.ApproveJoin : BotActionKind.DeclineJoin, group.PlatformId, userId, now));
        db.BotActions.Add(BotAction.Message(group.Platform, account, userId,
            text[refusal is null ? "Bot.JoinApproved" : "Bot.JoinDeclined", group.Name].Value, asksForContact: false, now));
    }

    /// <summary>
    /// Takes the user out of the group (Telegram: ban, then unban so a proper invitation still works) and records why;
    /// where no API removes anyone (WhatsApp), records the removal as a task for the group's administrator.
    /// </summary>
    public void Remove(Group group, string account, string userId, string? name, int? personId, MemberRefusal reason, long? updateId)
    {
        var now = clock.GetUtcNow();
        var kind = MemberEvent.RemovalOn(group.Platform);
        db.MemberEvents.Add(MemberEvent.Record(group.Id, group.Platform, userId, name, personId, kind, reason, null, updateId, now));
        if (kind == MemberEventKind.Removed)
        {
            db.BotActions.Add(BotAction.OnMember(group.Platform, account, BotActionKind.Remove, group.PlatformId, userId, now));
        }
    }

    /// <summary>The groups of this bot where the user's last event is a join request still waiting for their contact.</summary>
    public async Task<List<Group>> PendingAsync(Platform platform, string account, string userId, CancellationToken cancellationToken)
    {
        var latest = db.MemberEvents.Where(e => e.Platform == platform && e.PlatformUserId == userId)
            .GroupBy(e => e.GroupId).Select(g => g.Max(e => e.Id));
        var pendingGroupIds = db.MemberEvents.Where(e => latest.Contains(e.Id) && e.Kind == MemberEventKind.JoinRequested).Select(e => e.GroupId);
        return await db.Groups.Where(g => pendingGroupIds.Contains(g.Id) && db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.Handle == account))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The active person with this number in the group's election, if the registry has one.</summary>
    public async Task<int?> PersonByPhoneAsync(int electionId, string e164, CancellationToken cancellationToken) =>
        await db.People.Where(p => p.ElectionId == electionId && p.Phone == e164 && p.Status == PersonStatus.Active)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task BindAsync(Platform platform, string userId, int personId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var identity = await db.PlatformIdentities.SingleOrDefaultAsync(i => i.Platform == platform && i.PlatformUserId == userId, cancellationToken);
        if (identity is null)
        {
            db.PlatformIdentities.Add(PlatformIdentity.Bind(platform, userId, personId, now));
        }
        else if (identity.PersonId != personId)
        {
            identity.Rebind(personId, now);
        }
    }
}
