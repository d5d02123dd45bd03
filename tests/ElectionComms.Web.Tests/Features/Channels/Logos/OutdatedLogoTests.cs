using System.Globalization;
using System.Net;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Channels.Logos;

/// <summary>§6: groups that show an older logo are listed until a clerk marks them as updated.</summary>
[Collection(PortalCollection.Name)]
public sealed class OutdatedLogoTests(PortalFactory portal) : IAsyncLifetime
{
    private const string OutdatedUrl = "/Channels/Logos/Outdated";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Clerk_marks_an_outdated_group_and_it_leaves_the_list()
    {
        var groupId = (await OutdatedGroupsOfAsync("DAZ"))[0];
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        Assert.Contains(Row(groupId), await clerk.GetHtmlAsync(OutdatedUrl), StringComparison.Ordinal);

        var response = await MarkAsync(clerk, groupId);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(2, await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == groupId).Select(g => g.LogoVersion).SingleAsync()));
        Assert.DoesNotContain(Row(groupId), await clerk.GetHtmlAsync(OutdatedUrl), StringComparison.Ordinal);

        var clerkId = await portal.WithDbAsync(db => db.Staff.Where(s => s.Email == DemoAccounts.Clerk.Email).Select(s => s.Id).SingleAsync());
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Entity == nameof(Group) && e.EntityId == groupId.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).LastAsync());
        Assert.Equal(("Group.Updated", clerkId), (audit.Action, audit.ActorId!.Value));
        Assert.Contains("LogoVersion", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clerk_marks_a_selection_of_groups_at_once()
    {
        var ids = await OutdatedGroupsOfAsync("DAZ");
        Assert.True(ids.Count >= 2, "the demo data has at least two outdated groups");
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);

        var response = await clerk.PostFormAsync(OutdatedUrl, ids.Take(2).Select(id => new KeyValuePair<string, string>("Selected", id.ToString(CultureInfo.InvariantCulture))), OutdatedUrl + "?handler=MarkSelected");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var remaining = await OutdatedGroupsOfAsync("DAZ");
        Assert.DoesNotContain(ids[0], remaining);
        Assert.DoesNotContain(ids[1], remaining);
        Assert.Equal(ids.Count - 2, remaining.Count);
    }

    [Fact]
    public async Task Clerk_of_another_directorate_cannot_mark_and_sees_none_of_those_groups()
    {
        var groupId = (await OutdatedGroupsOfAsync("DAZ"))[0];
        var foreignClerk = await CreateClerkAsync("nepunes.dld@kqz.gov.al", "DLD");
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(foreignClerk);

        Assert.DoesNotContain(Row(groupId), await clerk.GetHtmlAsync(OutdatedUrl), StringComparison.Ordinal);
        Responses.AssertRefused(await MarkAsync(clerk, groupId), "clerk of DLD marks a DAZ group");
        Responses.AssertRefused(await clerk.PostFormAsync(OutdatedUrl, [new("Selected", groupId.ToString(CultureInfo.InvariantCulture))], OutdatedUrl + "?handler=MarkSelected"), "clerk of DLD marks a selection with a DAZ group");
        Assert.Equal(1, await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == groupId).Select(g => g.LogoVersion).SingleAsync()));
    }

    [Fact]
    public async Task A_selection_with_one_forbidden_group_marks_nothing()
    {
        var own = (await OutdatedGroupsOfAsync("DAZ"))[0];
        var foreign = await portal.WithServicesAsync(async services =>
        {
            // A national channel of the communication directorate, made outdated for this test.
            var db = services.GetRequiredService<AppDbContext>();
            var group = await db.Groups.FirstAsync(g => db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.Handle == "@kqz_njoftime"));
            group.MarkLogoShown(1);
            await db.SaveChangesAsync();
            return group.Id;
        });
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);

        var fields = new[] { own, foreign }.Select(id => new KeyValuePair<string, string>("Selected", id.ToString(CultureInfo.InvariantCulture)));
        Responses.AssertRefused(await clerk.PostFormAsync(OutdatedUrl, fields, OutdatedUrl + "?handler=MarkSelected"), "selection with a group outside the directorate");
        Assert.Equal(1, await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == own).Select(g => g.LogoVersion).SingleAsync()));
    }

    [Theory]
    [InlineData("Auditor")]
    [InlineData("SecretaryGeneral")]
    public async Task Auditor_and_secretary_general_read_every_outdated_group_but_cannot_mark(string role)
    {
        var all = await portal.WithDbAsync(db => db.Groups.CountAsync(g => g.Status == GroupStatus.Active && (g.LogoVersion == null || g.LogoVersion < 2)));
        var groupId = (await OutdatedGroupsOfAsync("DAZ"))[0];
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.All.Single(a => a.Role == role));

        var html = await client.GetHtmlAsync(OutdatedUrl);
        Assert.Contains(Row(groupId), html, StringComparison.Ordinal);
        Assert.Equal(all, System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"outdated-row\"").Count);
        Assert.DoesNotContain("handler=Mark", html, StringComparison.Ordinal);

        Responses.AssertRefused(await MarkAsync(client, groupId), role + " marks a group");
        Assert.Equal(1, await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == groupId).Select(g => g.LogoVersion).SingleAsync()));
    }

    [Fact]
    public async Task A_new_logo_version_puts_every_group_of_the_directorate_on_the_clerks_list()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        Assert.Equal(HttpStatusCode.Redirect, (await director.UploadAsync("logo.svg", LogoFiles.Svg())).StatusCode);

        var expected = await portal.WithDbAsync(db => db.Groups.CountAsync(g =>
            g.Status == GroupStatus.Active && db.OfficialAccounts.Any(a => a.Id == g.AccountId && db.Directorates.Any(d => d.Id == a.DirectorateId && d.Code == "DAZ"))));
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        var html = await clerk.GetHtmlAsync(OutdatedUrl);
        Assert.Contains($"Faqja 1 nga 1 ({expected:N0} gjithsej)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_a_group_that_already_shows_the_current_logo_is_refused_with_a_message()
    {
        var current = await portal.WithDbAsync(db => db.Groups.Where(g => g.LogoVersion == 2 && db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.Handle == "@kqz_administrata")).Select(g => g.Id).FirstAsync());
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        var response = await MarkAsync(clerk, current);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Grupi shfaq tashmë versionin 2 të logos.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Row(int groupId) => $"data-group-id=\"{groupId.ToString(CultureInfo.InvariantCulture)}\"";

    private static Task<HttpResponseMessage> MarkAsync(PortalClient client, int groupId) =>
        client.PostFormAsync(OutdatedUrl, [new("id", groupId.ToString(CultureInfo.InvariantCulture))], OutdatedUrl + "?handler=Mark");

    private Task<List<int>> OutdatedGroupsOfAsync(string directorate) => portal.WithDbAsync(db => db.Groups
        .Where(g => g.Status == GroupStatus.Active && (g.LogoVersion == null || g.LogoVersion < 2))
        .Where(g => db.OfficialAccounts.Any(a => a.Id == g.AccountId && db.Directorates.Any(d => d.Id == a.DirectorateId && d.Code == directorate)))
        .OrderBy(g => g.Id)
        .Select(g => g.Id)
        .ToListAsync());

    private Task<DemoAccount> CreateClerkAsync(string email, string directorateCode) => portal.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<AppDbContext>();
        var directorate = await db.Directorates.SingleAsync(d => d.Code == directorateCode);
        var superior = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.LogisticsDirector.Email);
        var (id, errors) = await services.GetRequiredService<StaffAccounts>().CreateAsync(
            new NewStaffAccount("Arta Hoxha", email, null, Rank.Specialist, directorate.Id, superior.Id, StaffRole.Clerk),
            DemoAccounts.Password,
            mustChangePassword: false);
        Assert.True(id.HasValue, string.Join("; ", errors.Select(e => e.Description)));
        return new DemoAccount(email, "Arta Hoxha", StaffRole.Clerk, Rank.Specialist, directorateCode, DemoAccounts.LogisticsDirector.Email, null);
    });
}
