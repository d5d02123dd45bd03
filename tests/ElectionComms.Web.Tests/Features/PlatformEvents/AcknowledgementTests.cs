using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Messages;
using ElectionComms.Web.Tests.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.PlatformEvents;

/// <summary>
/// Issue 14 item 6: an approved message with "Konfirmo / Confirm" carries an inline button whose callback_data is
/// bound to its delivery; a bound member's press is counted once and answered; a forged or replayed code counts
/// nothing; the report shows by unit who has not confirmed.
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class AcknowledgementTests(PublishingPortal portal) : IAsyncLifetime
{
    private const long Member = 5_770_001;

    public async Task InitializeAsync()
    {
        portal.Telegram.Reset();
        await portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_bound_members_press_is_counted_once_and_a_forged_or_replayed_code_counts_nothing()
    {
        var (groupId, chat) = await KzazOneAsync();
        await BindMemberAsync(groupId, chat);
        var id = await portal.ApprovedWithButtonAsync(groupId, "Ju lutemi konfirmoni marrjen e udhëzimit për numërimin.");
        await portal.DispatchAsync();

        var sent = Assert.Single(portal.Telegram.Calls, c => c.Method == "sendMessage" && c.ChatId == chat);
        var button = sent.Body["reply_markup"]!["inline_keyboard"]![0]![0]!;
        Assert.Equal("Konfirmo / Confirm", button["text"]!.ToString());
        var code = button["callback_data"]!.ToString();
        Assert.StartsWith("ack:", code, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(code) <= 64);
        var postId = (await portal.DeliveriesAsync(id)).Single().PlatformMessageId!;

        await PressAsync(chat, postId, code);
        await PressAsync(chat, postId, code);
        await PressAsync(chat, postId, code[..^2] + (code[^2..] == "AA" ? "BB" : "AA"));
        await PressAsync(chat, (long.Parse(postId, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture), code);

        var answers = portal.Telegram.Calls.Where(c => c.Method == "answerCallbackQuery").Select(c => c.Body["text"]!.ToString()).ToList();
        Assert.Equal(4, answers.Count);
        Assert.Contains("u regjistrua", answers[0], StringComparison.Ordinal);
        Assert.Contains("tashmë", answers[1], StringComparison.Ordinal);
        Assert.Contains("nuk është i vlefshëm", answers[2], StringComparison.Ordinal);
        Assert.Contains("nuk është i vlefshëm", answers[3], StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Acknowledgements.CountAsync(a => a.MessageId == id)));
        Assert.Equal([], await portal.WithDbAsync(db => db.BotActions.Where(a => a.Status != Domain.PlatformEvents.BotActionStatus.Done).Select(a => a.Kind + ": " + a.Result).ToListAsync()));

        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var report = await director.GetHtmlAsync($"/Messages/Acknowledgements/{id}");
        Assert.Contains("1 nga 1 konfirmuan (100 %)", report, StringComparison.Ordinal);
        Assert.Contains("KZAZ 1", report, StringComparison.Ordinal);
        var csv = await director.Http.GetAsync($"/Messages/Acknowledgements/{id}?handler=Export&format=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("KZAZ 1;KZAZ 1;1;1", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Konfirmimet (1)", await director.GetHtmlAsync(MessageScenario.Details(id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_press_by_someone_not_bound_is_answered_and_not_counted()
    {
        var (groupId, chat) = await KzazOneAsync();
        var id = await portal.ApprovedWithButtonAsync(groupId, "Konfirmoni, ju lutem.");
        await portal.DispatchAsync();
        var sent = Assert.Single(portal.Telegram.Calls, c => c.Method == "sendMessage");
        var code = sent.Body["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.ToString();

        await PressAsync(chat, (await portal.DeliveriesAsync(id)).Single().PlatformMessageId!, code);

        Assert.Contains("nuk është verifikuar", Assert.Single(portal.Telegram.Calls, c => c.Method == "answerCallbackQuery").Body["text"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Acknowledgements.CountAsync()));
    }

    private Task<(int GroupId, string Chat)> KzazOneAsync() => portal.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Name == "KZAZ 1" && g.Platform == Platform.Telegram);
        return (group.Id, group.PlatformId);
    });

    /// <summary>A member of KZAZ 1 in the registry, bound to <see cref="Member"/> through the join flow.</summary>
    private async Task BindMemberAsync(int groupId, string chat)
    {
        var person = await portal.WithDbAsync(async db =>
        {
            var zone = await db.Kzazs.SingleAsync(k => k.ElectionId == portal.ElectionId && k.Number == 1);
            var p = Domain.Registry.Person.Register(portal.ElectionId, "Blerina Dervishi", "+355692220002", Domain.Registry.UnitRole.Member,
                AdministrationLevel.Kzaz, zone.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1), null);
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p;
        });
        await PostAsync(TelegramUpdateJson.JoinRequest(chat, Member));
        await PostAsync(TelegramUpdateJson.Contact(Member, Member, person.Phone));
        Assert.True(await portal.WithDbAsync(db => db.PlatformIdentities.AnyAsync(i => i.PersonId == person.Id)));
        Assert.True(groupId > 0);
        portal.Telegram.Reset();
    }

    private async Task PressAsync(string chat, string postId, string data) => await PostAsync(new JsonObject
    {
        ["update_id"] = TelegramUpdateJson.NextId(),
        ["callback_query"] = new JsonObject
        {
            ["id"] = "4382bfdwdsb323b2d9" + TelegramUpdateJson.NextId().ToString(CultureInfo.InvariantCulture),
            ["from"] = TelegramUpdateJson.User(Member),
            ["message"] = new JsonObject
            {
                ["message_id"] = long.Parse(postId, CultureInfo.InvariantCulture),
                ["chat"] = TelegramUpdateJson.Group(chat),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["text"] = "Konfirmoni, ju lutem.",
            },
            ["chat_instance"] = "-8931283172381",
            ["data"] = data,
        },
    });

    private Task PostAsync(JsonObject update) => portal.SendTelegramUpdateAsync(update);
}
