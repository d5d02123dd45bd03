using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Invitations;

/// <summary>§5b: a director sets a group's platform join link on the group's edit page; a wrong link changes nothing.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class GroupJoinLinkTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Dictionary<string, string>> FormAsync(PortalClient client, int groupId)
    {
        var html = await client.GetHtmlAsync($"/Channels/Groups/Edit/{groupId}");
        string Value(string name) => WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
        return new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(html),
            ["Input.Version"] = Value("Input.Version"),
            ["Input.Name"] = Value("Input.Name"),
            ["Input.PlatformId"] = Value("Input.PlatformId"),
            ["Input.AdministratorId"] = SelectedPattern().Match(html).Groups[1].Value,
            ["Input.JoinLink"] = Value("Input.JoinLink"),
        };
    }

    [Fact]
    public async Task Director_sets_a_whatsapp_join_link_and_it_is_shown_on_the_group()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var form = await FormAsync(director, scenario.GroupId);
        form["Input.JoinLink"] = "https://chat.whatsapp.com/NewLink1234567890AB";

        var response = await director.Http.PostAsync($"/Channels/Groups/Edit/{scenario.GroupId}", new FormUrlEncodedContent(form));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Equal("https://chat.whatsapp.com/NewLink1234567890AB",
            await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == scenario.GroupId).Select(g => g.JoinLink).SingleAsync()));
        Assert.Contains("NewLink1234567890AB", await director.GetHtmlAsync($"/Channels/Groups/Details/{scenario.GroupId}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://t.me/+AbCdEfGh12345", "nuk është e platformës së grupit")]
    [InlineData("https://example.com/join", "duhet të jetë lidhje Telegram")]
    public async Task Wrong_join_link_is_refused_and_nothing_changes(string link, string message)
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        var before = await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == scenario.GroupId).Select(g => g.JoinLink).SingleAsync());
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var form = await FormAsync(director, scenario.GroupId);
        form["Input.JoinLink"] = link;

        var response = await director.Http.PostAsync($"/Channels/Groups/Edit/{scenario.GroupId}", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == scenario.GroupId).Select(g => g.JoinLink).SingleAsync()));
    }

    [Fact]
    public async Task Join_requests_through_the_bot_are_refused_on_a_whatsapp_group()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var form = await FormAsync(director, scenario.GroupId);
        form["Input.UsesJoinRequests"] = "true";
        form["Input.BotStartLink"] = "https://t.me/KqzAdministrataBot?start=g1";

        var response = await director.Http.PostAsync($"/Channels/Groups/Edit/{scenario.GroupId}", new FormUrlEncodedContent(form));

        Assert.Contains("janë vetëm për Telegram", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == scenario.GroupId).Select(g => g.UsesJoinRequests).SingleAsync()));
    }

    [GeneratedRegex("name=\"Input.AdministratorId\"[\\s\\S]*?<option(?=[^>]*selected)[^>]*value=\"([^\"]*)\"")]
    private static partial Regex SelectedPattern();
}
