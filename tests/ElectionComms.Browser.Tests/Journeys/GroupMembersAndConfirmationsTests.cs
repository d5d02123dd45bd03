using System.Text;
using ElectionComms.Browser.Tests.Infrastructure;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.PlatformEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ElectionComms.Browser.Tests.Journeys;

/// <summary>
/// Issue 14 item 7, with the portal's own processors and dispatcher running: a member joins KZAZ 1 through the bot,
/// someone added by another member is removed; the clerk sees both on the group's page. The director approves a
/// message asking for confirmation, the member presses the button, and the director reads the report.
/// </summary>
[Collection(PublishingBrowserCollection.Name)]
public sealed class GroupMembersAndConfirmationsTests(PublishingBrowserPortal portal) : IAsyncLifetime
{
    private const long Member = 5_990_001;
    private const long Stranger = 5_990_002;

    public async Task InitializeAsync()
    {
        await portal.ResetAsync();
        portal.Telegram.Reset();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_clerk_sees_who_is_in_the_group_and_who_was_removed_and_the_director_reads_the_confirmations()
    {
        var (groupId, chat) = await portal.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Name == "KZAZ 1" && g.Platform == Platform.Telegram);
            var zone = await db.Kzazs.SingleAsync(k => k.ElectionId == portal.ElectionId && k.Number == 1);
            db.People.Add(Person.Register(portal.ElectionId, "Arta Hoxha", "+355691230001", UnitRole.Member, AdministrationLevel.Kzaz, zone.Id,
                DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1), null));
            await db.SaveChangesAsync();
            return (group.Id, group.PlatformId);
        });

        await PostAsync(TelegramUpdateJson.JoinRequest(chat, Member));
        await UntilAsync(() => portal.Telegram.Calls.Any(c => c.Method == "sendMessage" && c.ChatId == Member.ToString()));
        await PostAsync(TelegramUpdateJson.Contact(Member, Member, "355691230001"));
        await UntilAsync(() => portal.Telegram.Calls.Any(c => c.Method == "approveChatJoinRequest"));
        await PostAsync(TelegramUpdateJson.MemberChange(chat, Member, byId: Member, from: "left", to: "member"));
        await PostAsync(TelegramUpdateJson.MemberChange(chat, Stranger, byId: Member, from: "left", to: "member"));
        await UntilAsync(() => portal.Telegram.Calls.Any(c => c.Method == "unbanChatMember"));

        var clerk = await portal.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync($"/Channels/Groups/Details/{groupId}");
        var members = clerk.GetByTestId("platform-members");
        await Assertions.Expect(members.GetByTestId("platform-members-count")).ToContainTextAsync("1");
        await Assertions.Expect(members.GetByTestId("platform-member")).ToContainTextAsync("Arta Hoxha");
        await Assertions.Expect(members.Locator("[data-testid=platform-refusal][data-kind=Removed]")).ToContainTextAsync("Nuk u identifikua");
        await members.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(clerk, "events-01-group-live-members");

        var officer = await portal.SignInAsync(DemoAccounts.CommunicationOfficer);
        var messageUrl = await MessageJourney.DraftAndSubmitAsync(officer, "Ju lutemi konfirmoni marrjen e udhëzimit për numërimin.", "KZAZ 1 (", asksConfirmation: true);

        var director = await portal.SignInAsync(DemoAccounts.AdministrationDirector);
        await director.GotoAsync(messageUrl);
        await Assertions.Expect(director.GetByTestId("preview-acknowledge")).ToHaveTextAsync("Konfirmo / Confirm");
        await MessageJourney.StepUpAndApproveAsync(director, DemoAccounts.AdministrationDirector, portal.ConnectionString);
        await Assertions.Expect(director.GetByTestId("deliveries").Locator("tbody tr")).ToHaveAttributeAsync("data-status", "Sent", new() { Timeout = 30_000 });

        var post = portal.Telegram.Calls.Last(c => c.Method == "sendMessage" && c.ChatId == chat);
        var code = post.Body["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.ToString();
        var postId = await portal.WithDbAsync(db => db.Deliveries.Where(d => d.GroupId == groupId && d.PlatformMessageId != null).Select(d => d.PlatformMessageId!).SingleAsync());
        await PostAsync(new System.Text.Json.Nodes.JsonObject
        {
            ["update_id"] = TelegramUpdateJson.NextId(),
            ["callback_query"] = new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = "browser-press-1",
                ["from"] = TelegramUpdateJson.User(Member),
                ["message"] = new System.Text.Json.Nodes.JsonObject { ["message_id"] = long.Parse(postId), ["chat"] = TelegramUpdateJson.Group(chat), ["date"] = 1 },
                ["chat_instance"] = "-1",
                ["data"] = code,
            },
        });
        await UntilAsync(() => portal.Telegram.Calls.Any(c => c.Method == "answerCallbackQuery"));

        await director.ReloadAsync();
        await director.GetByTestId("acknowledgements-link").ClickAsync();
        await Assertions.Expect(director.GetByTestId("ack-group")).ToContainTextAsync("1 nga 1 konfirmuan (100 %)");
        await Screenshots.SaveAsync(director, "events-02-acknowledgement-report");
    }

    [Fact]
    public async Task The_director_links_their_Telegram_and_an_extra_administrator_reaches_the_group_page_and_the_inventory()
    {
        const long DirectorTelegram = 6_990_001;
        var (groupId, chat) = await portal.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Name == "KZAZ 1" && g.Platform == Platform.Telegram);
            return (group.Id, group.PlatformId);
        });
        portal.Telegram.Administrators(chat,
            FakePlatforms.FakeTelegram.Owner(DirectorTelegram, "Drejtor"),
            FakePlatforms.FakeTelegram.Administrator(FakePlatforms.FakeTelegram.BotId(PublishingBrowserPortal.Token), "KQZ", isBot: true),
            FakePlatforms.FakeTelegram.Administrator(8_990_001, "Gjergj"));

        var director = await portal.SignInAsync(DemoAccounts.AdministrationDirector);
        await director.Locator("#userMenu").ClickAsync();
        await director.GetByRole(AriaRole.Link, new() { Name = "Llogaria ime në Telegram" }).ClickAsync();
        await Assertions.Expect(director.GetByTestId("telegram-not-linked")).ToBeVisibleAsync();
        await director.GetByRole(AriaRole.Button, new() { Name = "Krijo lidhjen" }).ClickAsync();
        var startLink = await director.GetByTestId("telegram-start-link").TextContentAsync() ?? string.Empty;
        var code = startLink[(startLink.IndexOf("start=", StringComparison.Ordinal) + "start=".Length)..];
        await PostAsync(TelegramUpdateJson.PrivateText(DirectorTelegram, "/start " + code, "Drejtor", "Administrate"));
        await UntilAsync(() => portal.Telegram.Calls.Any(c => c.Method == "sendMessage" && c.ChatId == DirectorTelegram.ToString()));
        await director.GetByRole(AriaRole.Link, new() { Name = "Rifresko" }).ClickAsync();
        await Assertions.Expect(director.GetByTestId("telegram-linked")).ToContainTextAsync("Drejtor Administrate");

        await director.GotoAsync($"/Channels/Groups/Details/{groupId}");
        await director.GetByTestId("check-administrators").ClickAsync();
        var admins = director.GetByTestId("platform-administrators");
        await Assertions.Expect(director.Locator(".alert-success")).ToContainTextAsync("ka probleme");
        await Assertions.Expect(admins.GetByTestId("director")).ToHaveAttributeAsync("data-problem", "None");
        await Assertions.Expect(admins.GetByTestId("extra-administrators")).ToContainTextAsync("Gjergj (8990001)");
        await admins.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(director, "events-03-group-administrators");

        var secretary = await portal.SignInAsync(DemoAccounts.SecretaryGeneral);
        await secretary.GotoAsync("/Channels/Inventory");
        await secretary.GetByTestId("problem-OnPlatform").GetByRole(AriaRole.Link).First.ClickAsync();
        var row = secretary.Locator("tr", new() { Has = secretary.GetByTestId("platform-problem") }).Filter(new() { HasText = "KZAZ 1" });
        await Assertions.Expect(row.First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(secretary, "events-04-inventory-platform-problems");
    }

    private async Task PostAsync(System.Text.Json.Nodes.JsonObject update)
    {
        using var http = new HttpClient { BaseAddress = portal.ServerAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram/kqz_administrata")
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", PublishingBrowserPortal.WebhookSecret);
        Assert.True((await http.SendAsync(request)).IsSuccessStatusCode);
    }

    private static async Task UntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The portal's processors did not act within 20 s.");
            await Task.Delay(100);
        }
    }
}
