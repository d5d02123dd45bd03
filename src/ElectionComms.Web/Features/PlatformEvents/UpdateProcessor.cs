using System.Globalization;
using System.Text.Json;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// Processes the inbox one update at a time (issue 14 item 1): the oldest unprocessed update is locked
/// (<c>FOR UPDATE SKIP LOCKED</c>, so several processors share the work), handled, and marked processed in the same
/// transaction as every decision and bot call it leads to. A crash before the commit leaves it unprocessed and
/// nothing of it saved; after the commit it is never handled again. Handling tolerates updates out of order and the
/// same person's updates handled by two processors at once.
/// </summary>
public sealed partial class UpdateProcessor(
    AppDbContext db, MemberDecisions decisions, StaffLinks staffLinks, AcknowledgementCodes codes, IStringLocalizer<Strings> text, TimeProvider clock, ILogger<UpdateProcessor> logger)
{
    private const string ClaimSql = """
        SELECT * FROM platform_updates
        WHERE processed_at IS NULL AND attempts < {0}
        ORDER BY id LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    /// <returns>False when nothing was waiting.</returns>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var update = await db.InboxUpdates.FromSqlRaw(ClaimSql, InboxUpdate.MaxAttempts).SingleOrDefaultAsync(cancellationToken);
        if (update is null)
        {
            return false;
        }

        string outcome;
        try
        {
            outcome = update.Platform == Platform.Telegram ? await TelegramAsync(update, cancellationToken) : await WhatsAppAsync(update, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Nothing the handler did is kept; the failure is counted, and the update is tried again later.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            LogFailed(failure, update.Id, update.Kind);
            await db.InboxUpdates.Where(u => u.Id == update.Id).ExecuteUpdateAsync(
                u => u.SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.Outcome, "Failed: " + failure.GetType().Name),
                cancellationToken);
            return true;
        }

        update.Processed(outcome, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<string> TelegramAsync(InboxUpdate inbox, CancellationToken cancellationToken)
    {
        var update = JsonSerializer.Deserialize<Update>(inbox.Body, JsonBotAPI.Options)
            ?? throw new JsonException("Not an update.");
        return update switch
        {
            { ChatJoinRequest: { } request } => await JoinRequestAsync(inbox, request, cancellationToken),
            { Message: { Contact: { } contact, Chat.Type: ChatType.Private } message } => await ContactAsync(inbox, message, contact, cancellationToken),
            { ChatMember: { } change } => await MemberChangedAsync(inbox, change, cancellationToken),
            { CallbackQuery: { } press } => await ButtonAsync(inbox, press, cancellationToken),
            { MyChatMember: { } mine } => await BotMembershipAsync(inbox, mine, cancellationToken),
            { Message: { Text: { } start, Chat.Type: ChatType.Private } message } when StaffLinks.CodeIn(start) is { } code =>
                await staffLinks.CompleteAsync(inbox, message, code, cancellationToken),
            _ => "Ignored: " + inbox.Kind,
        };
    }

    /// <summary>A join request through a join-request link: a bound, eligible person is let in; anyone else is asked for their number.</summary>
    private async Task<string> JoinRequestAsync(InboxUpdate inbox, ChatJoinRequest request, CancellationToken cancellationToken)
    {
        if (await decisions.GroupAsync(Platform.Telegram, inbox.Account, Id(request.Chat.Id), request.Chat.Username, cancellationToken) is not { } group)
        {
            return "Ignored: the chat is not a group of this bot in the inventory.";
        }

        var userId = Id(request.From.Id);
        var name = TelegramNames.Of(request.From);
        if (await decisions.PersonOfAsync(Platform.Telegram, userId, cancellationToken) is { } personId)
        {
            var refusal = await decisions.RefusalAsync(group, personId, cancellationToken);
            decisions.Decide(group, inbox.Account, userId, name, personId, refusal, null, inbox.Id);
            return refusal is null ? "Join approved: a bound, eligible person." : $"Join declined: {refusal}.";
        }

        var now = clock.GetUtcNow();
        db.MemberEvents.Add(MemberEvent.Record(group.Id, Platform.Telegram, userId, name, null, MemberEventKind.JoinRequested, null, null, inbox.Id, now));
        db.BotActions.Add(BotAction.Message(Platform.Telegram, inbox.Account, Id(request.UserChatId), text["Bot.AskContact", group.Name].Value, asksForContact: true, now));
        return "Join request: the user was asked to share their number.";
    }

    /// <summary>The user's own contact, shared in the private chat: checked against the registry for every group they asked to join.</summary>
    private async Task<string> ContactAsync(InboxUpdate inbox, Message message, Contact contact, CancellationToken cancellationToken)
    {
        var userId = Id(message.From!.Id);
        var name = TelegramNames.Of(message.From);
        var pending = await decisions.PendingAsync(Platform.Telegram, inbox.Account, userId, cancellationToken);
        var now = clock.GetUtcNow();
        if (contact.UserId != message.From.Id)
        {
            // Someone else's card: nothing is decided on it; the user is asked again for their own.
            foreach (var group in pending)
            {
                db.MemberEvents.Add(MemberEvent.Record(group.Id, Platform.Telegram, userId, name, null, MemberEventKind.ContactRefused, MemberRefusal.NotOwnContact, null, inbox.Id, now));
                db.MemberEvents.Add(MemberEvent.Record(group.Id, Platform.Telegram, userId, name, null, MemberEventKind.JoinRequested, null, null, inbox.Id, now));
            }

            db.BotActions.Add(BotAction.Message(Platform.Telegram, inbox.Account, Id(message.Chat.Id), text["Bot.NotOwnContact"].Value, asksForContact: true, now));
            return "Contact refused: not the sender's own.";
        }

        var phone = PlatformPhone(contact.PhoneNumber);
        var masked = Common.PhoneNumbers.Mask(phone.E164) is { Length: > 0 } m ? m : Common.PhoneNumbers.MaskTyped(contact.PhoneNumber);
        if (pending.Count == 0)
        {
            db.BotActions.Add(BotAction.Message(Platform.Telegram, inbox.Account, Id(message.Chat.Id), text["Bot.NothingPending"].Value, asksForContact: false, now));
            return "Contact: no join request was waiting.";
        }

        int? bound = null;
        foreach (var group in pending)
        {
            var personId = phone.E164 is { } e164 ? await decisions.PersonByPhoneAsync(group.ElectionId, e164, cancellationToken) : null;
            MemberRefusal? refusal = personId is null ? MemberRefusal.NotInRegistry : await decisions.RefusalAsync(group, personId, cancellationToken);
            decisions.Decide(group, inbox.Account, userId, name, personId, refusal, masked, inbox.Id);
            bound ??= personId;
        }

        if (bound is { } person)
        {
            await decisions.BindAsync(Platform.Telegram, userId, person, cancellationToken);
        }

        LogContact(inbox.Id, masked, pending.Count);
        return $"Contact {masked}: {pending.Count} join request(s) decided.";
    }

    /// <summary>Someone joined (added by a member, an old link) or left: anyone not bound to an eligible person is removed at once (§11).</summary>
    private async Task<string> MemberChangedAsync(InboxUpdate inbox, ChatMemberUpdated change, CancellationToken cancellationToken)
    {
        var user = change.NewChatMember.User;
        if (user.IsBot || await decisions.GroupAsync(Platform.Telegram, inbox.Account, Id(change.Chat.Id), change.Chat.Username, cancellationToken) is not { } group)
        {
            return "Ignored: a bot, or not a group of this bot in the inventory.";
        }

        var userId = Id(user.Id);
        var name = TelegramNames.Of(user);
        var personId = await decisions.PersonOfAsync(Platform.Telegram, userId, cancellationToken);
        var now = clock.GetUtcNow();
        if (!IsIn(change.NewChatMember))
        {
            db.MemberEvents.Add(MemberEvent.Record(group.Id, Platform.Telegram, userId, name, personId, MemberEventKind.Left, null, null, inbox.Id, now));
            return "Left the group.";
        }

        if (IsIn(change.OldChatMember))
        {
            return "Ignored: a change of rights, not a join.";
        }

        if (await decisions.RefusalAsync(group, personId, cancellationToken) is { } refusal)
        {
            decisions.Remove(group, inbox.Account, userId, name, personId, refusal, inbox.Id);
            LogRemoved(group.Id, refusal);
            return $"Removed: {refusal}.";
        }

        db.MemberEvents.Add(MemberEvent.Record(group.Id, Platform.Telegram, userId, name, personId, MemberEventKind.Joined, null, null, inbox.Id, now));
        return "Joined: a bound, eligible person.";
    }

    /// <summary>
    /// A press of "Konfirmo / Confirm" (issue 14 item 6): counted once per message and person, only with a code we
    /// made, only from under the very post that code was sent with, and only from a user bound to a person.
    /// </summary>
    private async Task<string> ButtonAsync(InboxUpdate inbox, CallbackQuery press, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        void Answer(string key) => db.BotActions.Add(BotAction.AnswerButton(Platform.Telegram, inbox.Account, press.Id, text[key].Value, now));
        var delivery = codes.Read(press.Data) is { } deliveryId
            ? await (from d in db.Deliveries
                     join g in db.Groups on d.GroupId equals g.Id
                     where d.Id == deliveryId
                     select new { d.Id, d.MessageId, d.GroupId, d.PlatformMessageId, g.PlatformId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (delivery is null || press.Message is not { } post
            || delivery.PlatformId != Id(post.Chat.Id) || delivery.PlatformMessageId != post.MessageId.ToString(CultureInfo.InvariantCulture))
        {
            Answer("Bot.ButtonUnknown");
            return "Button: not a code of ours, or not pressed under its own post.";
        }

        var userId = Id(press.From.Id);
        if (await decisions.PersonOfAsync(Platform.Telegram, userId, cancellationToken) is not { } personId)
        {
            Answer("Bot.ButtonIdentify");
            return "Button: the user is not bound to a person.";
        }

        if (await db.Acknowledgements.AnyAsync(a => a.MessageId == delivery.MessageId && a.PersonId == personId, cancellationToken))
        {
            Answer("Bot.ButtonAlready");
            return "Button: already confirmed.";
        }

        db.Acknowledgements.Add(Acknowledgement.Record(delivery.MessageId, delivery.Id, delivery.GroupId, personId, userId, now));
        Answer("Bot.ButtonThanks");
        return "Button: confirmed.";
    }

    /// <summary>
    /// The bot's own place in a group changed (issue 14 item 5): removed, demoted or stripped of a right it needs puts
    /// the group on the inventory's problem list at once; given its rights back takes it off.
    /// </summary>
    private async Task<string> BotMembershipAsync(InboxUpdate inbox, ChatMemberUpdated change, CancellationToken cancellationToken)
    {
        if (await decisions.GroupAsync(Platform.Telegram, inbox.Account, Id(change.Chat.Id), change.Chat.Username, cancellationToken) is not { } group)
        {
            return "Ignored: not a group of this bot in the inventory.";
        }

        var now = clock.GetUtcNow();
        var check = await AdministratorCheck.OfAsync(db, group.Id, now, cancellationToken);
        var problem = TelegramBotRights.Problem(change.NewChatMember, group.Kind);
        check.RecordBot(problem, TelegramNames.Of(change.From), now);
        if (problem is not null)
        {
            LogBotProblem(group.Id, problem.Value, TelegramNames.Of(change.From));
            return $"Bot problem: {problem} (changed by {TelegramNames.Of(change.From)}).";
        }

        return "Bot has the rights it needs.";
    }

    /// <summary>
    /// WhatsApp <c>group_participants_update</c> (issue 14 item 3): people added to a Cloud API group are checked with
    /// the same rule by their number; the Groups API gives the portal no removal it could make for the group, so anyone
    /// who is not a member becomes a task for the group's administrator (shown on the group and home pages). Other
    /// changes stay in the inbox as they came.
    /// </summary>
    private async Task<string> WhatsAppAsync(InboxUpdate inbox, CancellationToken cancellationToken)
    {
        if (inbox.Kind != "whatsapp:group_participants_update"
            || System.Text.Json.Nodes.JsonNode.Parse(inbox.Body)?["value"]?["groups"] is not System.Text.Json.Nodes.JsonArray changes)
        {
            return "Recorded: " + inbox.Kind;
        }

        var now = clock.GetUtcNow();
        var decided = 0;
        foreach (var change in changes.OfType<System.Text.Json.Nodes.JsonObject>())
        {
            var groupId = change["group_id"]?.ToString();
            if (groupId is null || await db.Groups.SingleOrDefaultAsync(g => g.Platform == Platform.WhatsApp && g.PlatformId == groupId, cancellationToken) is not { } group)
            {
                continue;
            }

            foreach (var participant in (change["added_participants"] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>())
            {
                var number = participant["wa_id"]?.ToString() ?? participant["input"]?.ToString() ?? string.Empty;
                var phone = PlatformPhone(number);
                var masked = Common.PhoneNumbers.Mask(phone.E164) is { Length: > 0 } m ? m : Common.PhoneNumbers.MaskTyped(number);
                var userId = phone.E164 ?? number;
                var personId = phone.E164 is { } e164 ? await decisions.PersonByPhoneAsync(group.ElectionId, e164, cancellationToken) : null;
                MemberRefusal? refusal = personId is null ? MemberRefusal.NotInRegistry : await decisions.RefusalAsync(group, personId, cancellationToken);
                var name = participant["profile"]?["name"]?.ToString();
                if (refusal is { } reason)
                {
                    decisions.Remove(group, inbox.Account, userId, name, personId, reason, inbox.Id);
                }
                else
                {
                    db.MemberEvents.Add(MemberEvent.Record(group.Id, Platform.WhatsApp, userId, name, personId, MemberEventKind.Joined, null, masked, inbox.Id, now));
                }

                decided++;
            }

            foreach (var participant in (change["removed_participants"] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>())
            {
                var number = participant["wa_id"]?.ToString() ?? participant["input"]?.ToString() ?? string.Empty;
                var phone = PlatformPhone(number);
                db.MemberEvents.Add(MemberEvent.Record(group.Id, Platform.WhatsApp, phone.E164 ?? number, null, null, MemberEventKind.Left, null, null, inbox.Id, now));
                decided++;
            }
        }

        return $"WhatsApp participants: {decided} change(s) recorded.";
    }

    private static bool IsIn(ChatMember member) => member.Status switch
    {
        ChatMemberStatus.Creator or ChatMemberStatus.Administrator or ChatMemberStatus.Member => true,
        ChatMemberStatus.Restricted => member is ChatMemberRestricted { IsMember: true },
        _ => false,
    };

    /// <summary>Telegram and WhatsApp give numbers in international form without "+" (355691234567): read as such, not as a local number.</summary>
    private static Common.NormalisedPhone PlatformPhone(string number) =>
        Common.PhoneNumbers.Normalise(number.Length > 0 && number.All(char.IsAsciiDigit) ? "+" + number : number);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Platform update {UpdateId} ({Kind}) failed; it is tried again")]
    private partial void LogFailed(Exception failure, long updateId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform update {UpdateId}: contact {MaskedPhone} decided {Count} join request(s)")]
    private partial void LogContact(long updateId, string maskedPhone, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Group {GroupId}: the bot's rights changed to {Problem} by {ChangedBy}")]
    private partial void LogBotProblem(int groupId, BotRightsProblem problem, string changedBy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed a user from group {GroupId}: {Reason} (§11)")]
    private partial void LogRemoved(int groupId, MemberRefusal reason);
}
