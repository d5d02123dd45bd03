using System.Net;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Channels.Groups;

/// <summary>§7 after creation: officers, administrator changes, a demoted administrator, concurrent edits.</summary>
[Collection(PortalCollection.Name)]
public sealed class ManageGroupTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Demoted_administrator_leaves_the_group_shown_as_without_valid_administrator()
    {
        var groupId = await portal.GroupIdAsync("KZAZ 1");
        await portal.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var director = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
            var superior = await db.Staff.SingleAsync(s => s.Id == director.SuperiorId);
            var reports = await db.Staff.Where(s => s.SuperiorId == director.Id).ToListAsync();
            director.ChangeRank(Rank.HeadOfSector, superior, reports);
            await db.SaveChangesAsync();
        });

        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.SecretaryGeneral);
        var details = await client.GetHtmlAsync($"/Channels/Groups/Details/{groupId}");
        Assert.Contains("data-testid=\"admin-invalid\"", details, StringComparison.Ordinal);
        var list = await client.GetHtmlAsync("/Channels/Groups?q=KZAZ%201");
        Assert.Contains("pa administrator të vlefshëm", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_change_to_another_director_is_saved_and_audited()
    {
        var groupId = await portal.GroupIdAsync("KZAZ 1");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.AdministrationDirector);
        var form = await EditFormAsync(client, groupId);
        form["Input.AdministratorId"] = (await portal.StaffIdAsync(DemoAccounts.LogisticsDirector)).ToString();
        var response = await client.Http.PostAsync($"/Channels/Groups/Edit/{groupId}", new FormUrlEncodedContent(form));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Equal(await portal.StaffIdAsync(DemoAccounts.LogisticsDirector), (await portal.GroupAsync(groupId)).AdministratorId);
        var audit = await portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries
            .Where(a => a.Action == "Group.Updated" && a.EntityId == groupId.ToString()).Select(a => a.Details).ToListAsync());
        Assert.Contains(audit, details => details.Contains("AdministratorId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Administrator_change_to_a_specialist_is_refused_and_nothing_changes()
    {
        var groupId = await portal.GroupIdAsync("KZAZ 1");
        var before = (await portal.GroupAsync(groupId)).AdministratorId;
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.AdministrationDirector);
        var form = await EditFormAsync(client, groupId);
        form["Input.AdministratorId"] = (await portal.StaffIdAsync(DemoAccounts.Clerk)).ToString();
        var response = await client.Http.PostAsync($"/Channels/Groups/Edit/{groupId}", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("(§7)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await portal.GroupAsync(groupId)).AdministratorId);
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_refused_with_a_clear_message()
    {
        var groupId = await portal.GroupIdAsync("KZAZ 1");
        using var first = portal.CreatePortalClient();
        using var second = portal.CreatePortalClient();
        await first.SignInAsync(DemoAccounts.AdministrationDirector);
        await second.SignInAsync(DemoAccounts.AdministrationDirector);
        var firstForm = await EditFormAsync(first, groupId);
        var secondForm = await EditFormAsync(second, groupId);

        firstForm["Input.Name"] = "KZAZ 1 – Tiranë";
        Assert.Equal(HttpStatusCode.Redirect, (await first.Http.PostAsync($"/Channels/Groups/Edit/{groupId}", new FormUrlEncodedContent(firstForm))).StatusCode);
        secondForm["Input.Name"] = "KZAZ 1 – Berat";
        var stale = await second.Http.PostAsync($"/Channels/Groups/Edit/{groupId}", new FormUrlEncodedContent(secondForm));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Dikush tjetër e ndryshoi grupin ndërkohë", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("KZAZ 1 – Tiranë", (await portal.GroupAsync(groupId)).Name);
    }

    [Fact]
    public async Task Officer_who_is_not_a_communication_officer_is_refused_and_removal_is_audited()
    {
        var groupId = await portal.GroupIdAsync("KZAZ 1");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.AdministrationDirector);
        var clerk = await portal.StaffIdAsync(DemoAccounts.Clerk);
        var refused = await client.PostFormAsync($"/Channels/Groups/Details/{groupId}", [new("officerId", clerk.ToString())], $"/Channels/Groups/Officers/{groupId}?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("nuk ka rolin e punonjësit të komunikimit", await client.GetHtmlAsync($"/Channels/Groups/Details/{groupId}"), StringComparison.Ordinal);
        Assert.Single((await portal.GroupAsync(groupId)).Officers);

        var officer = await portal.StaffIdAsync(DemoAccounts.CommunicationOfficer);
        await client.PostFormAsync($"/Channels/Groups/Details/{groupId}", [new("officerId", officer.ToString())], $"/Channels/Groups/Officers/{groupId}?handler=Remove");
        Assert.Empty((await portal.GroupAsync(groupId)).Officers);
        Assert.True(await portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries
            .AnyAsync(a => a.Action == "GroupOfficer.Deleted" && a.EntityId == $"{groupId}|{officer}")));
    }

    private static async Task<Dictionary<string, string>> EditFormAsync(PortalClient client, int groupId)
    {
        var html = await client.GetHtmlAsync($"/Channels/Groups/Edit/{groupId}");
        string Value(string name) => System.Text.RegularExpressions.Regex.Match(html, $"name=\"{System.Text.RegularExpressions.Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value;
        string Selected(string name) => System.Text.RegularExpressions.Regex.Match(html,
            $"name=\"{System.Text.RegularExpressions.Regex.Escape(name)}\"[\\s\\S]*?<option(?=[^>]*selected)[^>]*value=\"([^\"]*)\"").Groups[1].Value;
        return new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(html),
            ["Input.Version"] = Value("Input.Version"),
            ["Input.Name"] = System.Net.WebUtility.HtmlDecode(Value("Input.Name")),
            ["Input.PlatformId"] = System.Net.WebUtility.HtmlDecode(Value("Input.PlatformId")),
            ["Input.AdministratorId"] = Selected("Input.AdministratorId"),
        };
    }
}
