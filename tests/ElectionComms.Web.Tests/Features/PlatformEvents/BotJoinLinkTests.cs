using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.PlatformEvents;

/// <summary>Issue 14 item 2: the group's join link is made by its bot with createChatInviteLink(creates_join_request: true).</summary>
[Collection(PublishingCollection.Name)]
public sealed partial class BotJoinLinkTests(PublishingPortal portal) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        portal.Telegram.Reset();
        await portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_director_has_the_bot_make_a_join_request_link_and_the_group_uses_it()
    {
        var group = await portal.WithDbAsync(db => db.Groups.AsNoTracking().SingleAsync(g => g.Name == "KZAZ 1" && g.Platform == Platform.Telegram));
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var page = $"/Channels/Groups/Edit/{group.Id}";
        var version = VersionField().Match(await director.GetHtmlAsync(page)).Groups[1].Value;

        var response = await director.PostFormAsync(page, [new("Input.Version", version)], page + "?handler=BotJoinLink");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var call = Assert.Single(portal.Telegram.Calls, c => c.Method == "createChatInviteLink");
        Assert.Equal(group.PlatformId, call.ChatId);
        Assert.True(call.Body["creates_join_request"]!.GetValue<bool>());
        Assert.Equal(PublishingPortal.AdministrationToken, call.Token);
        var after = await portal.WithDbAsync(db => db.Groups.AsNoTracking().SingleAsync(g => g.Id == group.Id));
        Assert.NotEqual(group.JoinLink, after.JoinLink);
        Assert.StartsWith("https://t.me/+", after.JoinLink, StringComparison.Ordinal);
        Assert.True(after.UsesJoinRequests);
        Assert.Contains("u krijua nga roboti", await director.GetHtmlAsync($"/Channels/Groups/Details/{group.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_by_telegram_is_shown_and_the_link_stays()
    {
        var group = await portal.WithDbAsync(db => db.Groups.AsNoTracking().SingleAsync(g => g.Name == "KZAZ 1" && g.Platform == Platform.Telegram));
        portal.Telegram.MemberAnswer = _ => FakePlatforms.FakeTelegram.Error(HttpStatusCode.BadRequest, "Bad Request: not enough rights to manage chat invite link");
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var page = $"/Channels/Groups/Edit/{group.Id}";
        var version = VersionField().Match(await director.GetHtmlAsync(page)).Groups[1].Value;

        var response = await director.PostFormAsync(page, [new("Input.Version", version)], page + "?handler=BotJoinLink");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Roboti nuk e krijoi dot lidhjen", html + await director.GetHtmlAsync(page), StringComparison.Ordinal);
        Assert.Equal(group.JoinLink, await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == group.Id).Select(g => g.JoinLink).SingleAsync()));
    }

    [GeneratedRegex("name=\"Input.Version\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex VersionField();
}
