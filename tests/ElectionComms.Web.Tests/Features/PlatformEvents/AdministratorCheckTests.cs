using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.FakePlatforms;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.PlatformEvents;
using ElectionComms.Web.Tests.Features.Publishing;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.PlatformEvents;

/// <summary>
/// Issue 14 item 5 (§7) against the fake Telegram: the director links their own Telegram account through a one-time
/// start link, and getChatAdministrators is compared with the group's designated administrator and the KQZ bot;
/// whatever differs puts the group on the inventory's problem list and is named on the group's page.
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed partial class AdministratorCheckTests(PublishingPortal portal) : IAsyncLifetime
{
    private const long DirectorTelegram = 6_660_001;
    private static readonly long Bot = FakeTelegram.BotId(PublishingPortal.AdministrationToken);

    public async Task InitializeAsync()
    {
        portal.Telegram.Reset();
        await portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_director_links_their_Telegram_account_with_a_start_link_that_works_once()
    {
        using var director = await SignedInDirectorAsync();

        var code = await StartLinkCodeAsync(director);
        await SendAsync(TelegramUpdateJson.PrivateText(DirectorTelegram, "/start staff-" + code, "Drejtor", "Administrate"));

        var link = await portal.WithDbAsync(db => db.StaffPlatformLinks.AsNoTracking().SingleAsync());
        Assert.Equal((DirectorTelegram.ToString(), "Drejtor Administrate", null), (link.PlatformUserId, link.PlatformUserName, link.CodeHash));
        Assert.Equal(await AdministratorIdAsync(), link.StaffMemberId);
        var reply = portal.Telegram.Calls.Last(c => c.Method == "sendMessage");
        Assert.Equal(DirectorTelegram.ToString(), reply.ChatId);
        Assert.Contains("u lidh me portalin", reply.Body["text"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Drejtor Administrate", await director.GetHtmlAsync(Page), StringComparison.Ordinal);

        // The same link again, from anyone, links nothing.
        await SendAsync(TelegramUpdateJson.PrivateText(7_770_001, "/start staff-" + code));
        Assert.Contains("ka skaduar ose është përdorur", portal.Telegram.Calls.Last(c => c.Method == "sendMessage").Body["text"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(DirectorTelegram.ToString(), await portal.WithDbAsync(db => db.StaffPlatformLinks.Select(l => l.PlatformUserId).SingleAsync()));
    }

    [Fact]
    public async Task An_expired_code_links_nothing_and_a_Telegram_account_stands_for_one_employee_only()
    {
        using var director = await SignedInDirectorAsync();
        var expired = await StartLinkCodeAsync(director);
        await portal.WithDbAsync(db => db.StaffPlatformLinks.ExecuteUpdateAsync(u => u.SetProperty(l => l.CodeExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

        await SendAsync(TelegramUpdateJson.PrivateText(DirectorTelegram, "/start staff-" + expired));
        Assert.False(await portal.WithDbAsync(db => db.StaffPlatformLinks.AnyAsync(l => l.PlatformUserId != null)));
        Assert.Contains("ka skaduar", portal.Telegram.Calls.Last(c => c.Method == "sendMessage").Body["text"]!.ToString(), StringComparison.Ordinal);

        // The Secretary General links the account first; the director's code from the same account is refused.
        using var secretary = portal.CreatePortalClient();
        await secretary.SignInAsync(DemoAccounts.SecretaryGeneral);
        await SendAsync(TelegramUpdateJson.PrivateText(DirectorTelegram, "/start staff-" + await StartLinkCodeAsync(secretary)));
        await SendAsync(TelegramUpdateJson.PrivateText(DirectorTelegram, "/start staff-" + await StartLinkCodeAsync(director)));

        Assert.Contains("me një punonjës tjetër", portal.Telegram.Calls.Last(c => c.Method == "sendMessage").Body["text"]!.ToString(), StringComparison.Ordinal);
        var linked = await portal.WithDbAsync(db => db.StaffPlatformLinks.Where(l => l.PlatformUserId != null).Select(l => l.StaffMemberId).ToListAsync());
        Assert.Equal([await portal.WithDbAsync(db => db.Staff.Where(s => s.Email == DemoAccounts.SecretaryGeneral.Email).Select(s => s.Id).SingleAsync())], linked);
    }

    [Theory]
    [InlineData("/start staff-short")]
    [InlineData("/start staff-AAAAAAAAAAAAAAAAAAAAA!")]
    [InlineData("/start g12")]
    [InlineData("staff-AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_start_text_that_is_not_a_staff_code_is_left_alone(string text)
    {
        await SendAsync(TelegramUpdateJson.PrivateText(DirectorTelegram, text));

        Assert.StartsWith("Ignored", await portal.WithDbAsync(db => db.InboxUpdates.Select(u => u.Outcome).SingleAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(portal.Telegram.Calls, c => c.Method == "sendMessage");
    }

    [Fact]
    public async Task The_linked_director_and_the_bot_with_every_right_are_in_order()
    {
        var (groupId, chat) = await GroupAsync();
        using var director = await LinkedDirectorAsync();
        portal.Telegram.Administrators(chat, FakeTelegram.Owner(DirectorTelegram, "Drejtor"), FakeTelegram.Administrator(Bot, "KQZ", isBot: true));

        var html = await CheckNowAsync(director, groupId);

        Assert.Contains("gjithçka në rregull", html, StringComparison.Ordinal);
        var check = await CheckOfAsync(groupId);
        Assert.Equal((null, null, null, 2), (check.BotProblem, check.DirectorProblem, check.ExtraAdministrators, check.AdministratorCount));
        Assert.True(portal.Telegram.Calls.Single(c => c.Method == "getChatAdministrators").Body["return_bots"]!.GetValue<bool>());
        Assert.Contains("data-testid=\"bot-rights\" data-problem=\"None\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"director\" data-problem=\"None\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(groupId, await ProblemListAsync());
    }

    [Fact]
    public async Task Other_administrators_and_another_bot_are_named_and_put_the_group_on_the_problem_list()
    {
        var (groupId, chat) = await GroupAsync();
        using var director = await LinkedDirectorAsync();
        portal.Telegram.Administrators(chat,
            FakeTelegram.Owner(DirectorTelegram, "Drejtor"),
            FakeTelegram.Administrator(Bot, "KQZ", isBot: true),
            FakeTelegram.Administrator(8_880_001, "Gjergj"),
            FakeTelegram.Administrator(8_880_002, "Postuesi", isBot: true));

        var html = await CheckNowAsync(director, groupId);

        Assert.Contains("ka probleme", html, StringComparison.Ordinal);
        Assert.Equal("Gjergj (8880001); Postuesi (8880002)", (await CheckOfAsync(groupId)).ExtraAdministrators);
        Assert.Contains("data-testid=\"extra-administrators\"", html, StringComparison.Ordinal);
        Assert.Contains("<li>Gjergj (8880001)</li>", html, StringComparison.Ordinal);
        Assert.Contains(groupId, await ProblemListAsync());

        // Their rights taken away in Telegram, the next check takes the group off the list.
        portal.Telegram.Administrators(chat, FakeTelegram.Owner(DirectorTelegram, "Drejtor"), FakeTelegram.Administrator(Bot, "KQZ", isBot: true));
        await CheckNowAsync(director, groupId);
        Assert.DoesNotContain(groupId, await ProblemListAsync());
    }

    [Fact]
    public async Task A_director_who_has_not_linked_or_is_not_an_administrator_is_a_problem()
    {
        var (groupId, chat) = await GroupAsync();
        using var director = await SignedInDirectorAsync();
        portal.Telegram.Administrators(chat, FakeTelegram.Owner(8_880_001, "Gjergj"), FakeTelegram.Administrator(Bot, "KQZ", isBot: true));

        var html = await CheckNowAsync(director, groupId);
        Assert.Equal(DirectorProblem.NotLinked, (await CheckOfAsync(groupId)).DirectorProblem);
        Assert.Contains("nuk ka lidhur llogarinë e vet Telegram", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-telegram\"", html, StringComparison.Ordinal);

        await LinkAsync(director);
        html = await CheckNowAsync(director, groupId);
        var check = await CheckOfAsync(groupId);
        Assert.Equal((DirectorProblem.NotAdministrator, "Gjergj (8880001)"), (check.DirectorProblem, check.ExtraAdministrators));
        Assert.Contains("nuk është administrator i grupit në Telegram", html, StringComparison.Ordinal);
        Assert.Contains(groupId, await ProblemListAsync());
    }

    [Theory]
    [InlineData(false, true, BotRightsProblem.CannotInvite)]
    [InlineData(true, false, BotRightsProblem.CannotRemove)]
    public async Task A_bot_without_a_right_it_needs_is_a_problem(bool canInvite, bool canRestrict, BotRightsProblem expected)
    {
        var (groupId, chat) = await GroupAsync();
        using var director = await LinkedDirectorAsync();
        portal.Telegram.Administrators(chat, FakeTelegram.Owner(DirectorTelegram, "Drejtor"),
            FakeTelegram.Administrator(Bot, "KQZ", isBot: true, canInvite: canInvite, canRestrict: canRestrict));

        await CheckNowAsync(director, groupId);

        Assert.Equal(expected, (await CheckOfAsync(groupId)).BotProblem);
        Assert.Contains(groupId, await ProblemListAsync());
    }

    [Fact]
    public async Task A_bot_the_list_does_not_show_is_not_an_administrator()
    {
        var (groupId, chat) = await GroupAsync();
        using var director = await LinkedDirectorAsync();
        portal.Telegram.Administrators(chat, FakeTelegram.Owner(DirectorTelegram, "Drejtor"));

        await CheckNowAsync(director, groupId);

        Assert.Equal(BotRightsProblem.NotAdministrator, (await CheckOfAsync(groupId)).BotProblem);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "Forbidden: bot was kicked from the supergroup chat", BotRightsProblem.Removed)]
    [InlineData(HttpStatusCode.BadRequest, "Bad Request: chat not found", BotRightsProblem.Unreachable)]
    public async Task A_definite_refusal_is_recorded_with_the_platforms_words(HttpStatusCode status, string description, BotRightsProblem expected)
    {
        var (groupId, _) = await GroupAsync();
        using var director = await LinkedDirectorAsync();
        portal.Telegram.AdministratorsAnswer = _ => FakeTelegram.Error(status, description);

        var html = await CheckNowAsync(director, groupId);

        var check = await CheckOfAsync(groupId);
        Assert.Equal(expected, check.BotProblem);
        Assert.Contains(description, check.BotProblemDetail, StringComparison.Ordinal);
        Assert.Contains(description, html, StringComparison.Ordinal);
        Assert.Contains(groupId, await ProblemListAsync());
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    public async Task No_answer_keeps_the_last_comparison_and_says_so(HttpStatusCode status)
    {
        var (groupId, chat) = await GroupAsync();
        using var director = await LinkedDirectorAsync();
        portal.Telegram.Administrators(chat, FakeTelegram.Owner(DirectorTelegram, "Drejtor"), FakeTelegram.Administrator(Bot, "KQZ", isBot: true), FakeTelegram.Administrator(8_880_001, "Gjergj"));
        await CheckNowAsync(director, groupId);
        var before = await CheckOfAsync(groupId);

        portal.Telegram.AdministratorsAnswer = _ => FakeTelegram.Error(status, "Too Many Requests: retry after 3", retryAfter: 3);
        var html = await CheckNowAsync(director, groupId);

        var after = await CheckOfAsync(groupId);
        Assert.Contains("Telegram nuk u përgjigj", html, StringComparison.Ordinal);
        Assert.Equal((before.CheckedAt, before.ExtraAdministrators), (after.CheckedAt, after.ExtraAdministrators));
        Assert.True(after.AttemptedAt > before.AttemptedAt);
    }

    [Fact]
    public async Task The_bot_demoted_or_stripped_of_a_right_puts_the_group_on_the_problem_list_at_once_and_restored_takes_it_off()
    {
        var (groupId, chat) = await GroupAsync();
        using var director = await SignedInDirectorAsync();

        await SendAsync(TelegramUpdateJson.BotMembership(chat, "member"));
        Assert.Equal(BotRightsProblem.NotAdministrator, (await CheckOfAsync(groupId)).BotProblem);
        Assert.Contains(groupId, await ProblemListAsync());

        await SendAsync(TelegramUpdateJson.BotMembership(chat, "administrator", canRestrict: false));
        Assert.Equal(BotRightsProblem.CannotRemove, (await CheckOfAsync(groupId)).BotProblem);

        await SendAsync(TelegramUpdateJson.BotMembership(chat, "administrator"));
        Assert.Null((await CheckOfAsync(groupId)).BotProblem);
        Assert.DoesNotContain(groupId, await ProblemListAsync());

        await SendAsync(TelegramUpdateJson.BotMembership(chat, "kicked"));
        var check = await CheckOfAsync(groupId);
        Assert.Equal((BotRightsProblem.Removed, "Besa Kola"), (check.BotProblem, check.BotProblemDetail));
        Assert.Contains("Boti u hoq nga grupi", await director.GetHtmlAsync($"/Channels/Groups/Details/{groupId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_periodic_check_asks_the_groups_not_asked_longest_and_stops_when_Telegram_does_not_answer()
    {
        var telegramGroups = await portal.WithDbAsync(db => db.Groups.CountAsync(g => g.Platform == Platform.Telegram && g.Status == GroupStatus.Active));
        Assert.True(telegramGroups > 3, "the small election has several Telegram groups");

        var first = await RunDueAsync();
        Assert.Equal(Math.Min(telegramGroups, new PlatformEventsOptions().AdministratorChecksPerRun), first);
        var asked = portal.Telegram.Calls.Where(c => c.Method == "getChatAdministrators").Select(c => c.ChatId).ToList();
        Assert.Equal(asked.Count, asked.Distinct().Count());

        // Everything was asked within the interval: nothing is due.
        portal.Telegram.Reset();
        Assert.Equal(0, await RunDueAsync());
        Assert.DoesNotContain(portal.Telegram.Calls, c => c.Method == "getChatAdministrators");

        // All due again, and Telegram down: one is asked, the rest wait for the next sweep.
        await portal.WithDbAsync(db => db.GroupAdministrationChecks.ExecuteUpdateAsync(u => u.SetProperty(c => c.AttemptedAt, DateTimeOffset.UtcNow.AddDays(-1))));
        portal.Telegram.AdministratorsAnswer = _ => FakeTelegram.Error(HttpStatusCode.BadGateway, "Bad Gateway");
        Assert.Equal(1, await RunDueAsync());
        Assert.Single(portal.Telegram.Calls, c => c.Method == "getChatAdministrators");
    }

    [Fact]
    public async Task Only_those_who_manage_the_group_may_ask_for_a_check_and_only_of_a_Telegram_group()
    {
        var (groupId, _) = await GroupAsync();
        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var page = $"/Channels/Groups/Details/{groupId}";

        var refused = await officer.PostFormAsync(page, [], $"/PlatformEvents/CheckAdministrators/{groupId}");

        Responses.AssertRefused(refused, "a check asked by the officer");
        Assert.DoesNotContain(portal.Telegram.Calls, c => c.Method == "getChatAdministrators");

        using var director = await SignedInDirectorAsync();
        var whatsApp = await portal.WithDbAsync(db => db.Groups.Where(g => g.Platform == Platform.WhatsApp).Select(g => g.Id).FirstAsync());
        var html = await CheckNowAsync(director, whatsApp);
        Assert.Contains("vetëm për grupet në Telegram", html, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.GroupAdministrationChecks.AnyAsync()));
    }

    private const string Page = "/PlatformEvents/TelegramLink";

    private Task<int> RunDueAsync() =>
        portal.WithServicesAsync(services => services.GetRequiredService<AdministratorCheck>().RunDueAsync(CancellationToken.None));

    private async Task<PortalClient> SignedInDirectorAsync()
    {
        var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        return director;
    }

    private async Task<PortalClient> LinkedDirectorAsync()
    {
        var director = await SignedInDirectorAsync();
        await LinkAsync(director);
        return director;
    }

    private async Task LinkAsync(PortalClient director)
    {
        await SendAsync(TelegramUpdateJson.PrivateText(DirectorTelegram, "/start staff-" + await StartLinkCodeAsync(director)));
        Assert.Equal(DirectorTelegram.ToString(), await portal.WithDbAsync(db => db.StaffPlatformLinks.Select(l => l.PlatformUserId).SingleAsync()));
    }

    /// <summary>Presses "Make the link" and reads the code from the start link shown once in the answer.</summary>
    private static async Task<string> StartLinkCodeAsync(PortalClient client)
    {
        var response = await client.PostFormAsync(Page, [], Page + "?handler=Start");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = StartLink().Match(html);
        Assert.True(match.Success, "the page shows the start link");
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        return match.Groups[1].Value;
    }

    /// <summary>Presses "Check now" on the group's page and follows the redirect back to it.</summary>
    private static async Task<string> CheckNowAsync(PortalClient client, int groupId)
    {
        var page = $"/Channels/Groups/Details/{groupId}";
        var response = await client.PostFormAsync(page, [], $"/PlatformEvents/CheckAdministrators/{groupId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, response.Headers.Location!.OriginalString);
        return await client.GetHtmlAsync(page);
    }

    /// <summary>The ids of the groups on the Secretary General's inventory list "problem on the platform".</summary>
    private async Task<List<int>> ProblemListAsync()
    {
        using var secretary = portal.CreatePortalClient();
        await secretary.SignInAsync(DemoAccounts.SecretaryGeneral);
        var html = await secretary.GetHtmlAsync($"/Channels/Inventory/Groups?electionId={portal.ElectionId}&problem=OnPlatform");
        return [.. ProblemRow().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    private Task<(int GroupId, string Chat)> GroupAsync() => portal.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Name == "KZAZ 1" && g.Platform == Platform.Telegram);
        return (group.Id, group.PlatformId);
    });

    private Task<Guid> AdministratorIdAsync() =>
        portal.WithDbAsync(db => db.Groups.Where(g => g.Name == "KZAZ 1" && g.Platform == Platform.Telegram).Select(g => g.AdministratorId).SingleAsync());

    private Task<GroupAdministrationCheck> CheckOfAsync(int groupId) =>
        portal.WithDbAsync(db => db.GroupAdministrationChecks.AsNoTracking().SingleAsync(c => c.GroupId == groupId));

    private Task SendAsync(JsonObject update) => portal.SendTelegramUpdateAsync(update);

    [GeneratedRegex(@"https://t\.me/KqzAdministrataBot\?start=staff-([A-Za-z0-9_-]{22})""")]
    private static partial Regex StartLink();

    [GeneratedRegex(@"data-testid=""platform-problem"" href=""/Channels/Groups/Details/(\d+)""")]
    private static partial Regex ProblemRow();
}
