using System.Net;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Registry;
using ElectionComms.Web.Tests.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Channels.Groups;

/// <summary>§5b, §11: who may belong to a group, and the clerks' record of adding, removing and reinstating people.</summary>
[Collection(PortalCollection.Name)]
public sealed class MembersTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Eligibility_in_sql_agrees_with_the_domain_rule_for_every_seeded_group()
    {
        await portal.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<PeopleSeeder>().SeedAsync(portal.ElectionId);
        });
        await ReconciliationScenario.SeedAsync(portal);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await portal.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<ElectionComms.Web.Data.AppDbContext>();
            var query = sp.GetRequiredService<EligibilityQuery>();
            var people = await db.People.AsNoTracking().Where(p => p.ElectionId == portal.ElectionId).ToListAsync();
            var locations = await query.LocationsAsync(portal.ElectionId, default);
            var groups = await GroupTarget.Of(db.Groups.Where(g => g.ElectionId == portal.ElectionId)).ToListAsync();

            // Area-scoped groups too, which the demo seed does not create: one per qark, municipality and KZAZ of the data.
            var zone = await db.Kzazs.Where(k => k.ElectionId == portal.ElectionId).OrderBy(k => k.Number).FirstAsync();
            var qark = await db.Municipalities.Where(m => m.Id == zone.MunicipalityId).Select(m => m.QarkId).SingleAsync();
            foreach (var level in Enum.GetValues<Domain.Administration.AdministrationLevel>())
            {
                groups.Add(new GroupTarget(0, portal.ElectionId, level, new GroupScope(ScopeKind.Qark, qark)));
                groups.Add(new GroupTarget(0, portal.ElectionId, level, new GroupScope(ScopeKind.Municipality, zone.MunicipalityId)));
                groups.Add(new GroupTarget(0, portal.ElectionId, level, new GroupScope(ScopeKind.Kzaz, zone.Id)));
            }

            Assert.True(people.Count > 200, "the seed registers people");
            var nonEmpty = 0;
            foreach (var group in groups)
            {
                var sql = await query.Eligible(group, today).Select(p => p.Id).OrderBy(id => id).ToListAsync();
                var domain = people
                    .Where(p => Eligibility.IsEligible(p, locations[(p.Level, p.UnitId)], group.Level, group.Scope, today))
                    .Select(p => p.Id).OrderBy(id => id).ToList();
                Assert.True(domain.SequenceEqual(sql), $"group {group.Id} {group.Level} {group.Scope}: SQL {sql.Count}, domain {domain.Count}");
                nonEmpty += sql.Count > 0 ? 1 : 0;
            }

            Assert.True(nonEmpty > groups.Count / 2, "most groups have eligible people");
        });
    }

    [Fact]
    public async Task Group_page_shows_the_expected_member_count_from_the_registry()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);

        var html = await clerk.GetHtmlAsync($"/Channels/Groups/Details/{scenario.GroupId}");

        // Arben Hoxha and Ëngjëll Çela; the ended person and those of other centres do not count.
        Assert.Contains("Anëtarë të pritur sipas regjistrit: 2", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Channels/Groups/Members/{scenario.GroupId}\"", html, StringComparison.Ordinal);
        Assert.Equal(["Arben Hoxha", "Ëngjëll Çela"], HtmlTable.FirstColumn(await clerk.GetHtmlAsync($"/Channels/Groups/Members/{scenario.GroupId}"), "eligible"));
    }

    [Fact]
    public async Task Removed_person_cannot_be_added_again_until_reinstated_and_the_history_shows_each_step()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        var url = $"/Channels/Groups/Members/{scenario.GroupId}";
        var person = scenario.EligibleId.ToString();
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);

        await clerk.PostFormAsync(url, [new("personId", person)], url + "?handler=Add");
        Assert.Equal(MembershipStatus.Member, await StatusAsync(scenario));

        // Removal without a reason is refused.
        await clerk.PostFormAsync(url, [new("personId", person), new("reason", " ")], url + "?handler=Remove");
        Assert.Equal(MembershipStatus.Member, await StatusAsync(scenario));
        Assert.Contains("Shkruani arsyen.", await clerk.GetHtmlAsync(url), StringComparison.Ordinal);

        await clerk.PostFormAsync(url, [new("personId", person), new("reason", "Telefoni u dha dikujt tjetër")], url + "?handler=Remove");
        Assert.Equal(MembershipStatus.Removed, await StatusAsync(scenario));
        Assert.False(await MayBeInvitedAsync(scenario));

        await clerk.PostFormAsync(url, [new("personId", person)], url + "?handler=Add");
        Assert.Equal(MembershipStatus.Removed, await StatusAsync(scenario));
        Assert.Contains("nuk mund të shtohet sërish pa u rikthyer", await clerk.GetHtmlAsync(url), StringComparison.Ordinal);

        await clerk.PostFormAsync(url, [new("personId", person), new("reason", "Numri u verifikua")], url + "?handler=Reinstate");
        Assert.True(await MayBeInvitedAsync(scenario));
        await clerk.PostFormAsync(url, [new("personId", person)], url + "?handler=Add");
        Assert.Equal(MembershipStatus.Member, await StatusAsync(scenario));

        var history = HtmlTable.Rows(await clerk.GetHtmlAsync(url), "history");
        Assert.Equal(4, history.Count);
        Assert.All(history, row => Assert.Equal(DemoAccounts.Clerk.Email, row[1]));
    }

    [Fact]
    public async Task Person_not_eligible_for_the_group_cannot_be_added()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        var url = $"/Channels/Groups/Members/{scenario.GroupId}";
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);

        foreach (var id in new[] { scenario.OtherZoneId, scenario.EndedId, scenario.OtherCentreId })
        {
            await clerk.PostFormAsync(url, [new("personId", id.ToString())], url + "?handler=Add");
        }

        Assert.False(await portal.WithDbAsync(db => db.GroupMemberships.AnyAsync()));
        Assert.Contains("nuk ka të drejtë të jetë në këtë grup", await clerk.GetHtmlAsync(url), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Clerk", true, true)]
    [InlineData("AdministrationDirector", true, true)]
    [InlineData("SecretaryGeneral", true, false)]
    [InlineData("Auditor", true, false)]
    [InlineData("LogisticsDirector", false, false)]
    [InlineData("CommunicationOfficer", false, false)]
    [InlineData("HelplineOperator", false, false)]
    [InlineData("SystemAdministrator", false, false)]
    public async Task Members_are_recorded_by_clerks_and_managing_directors_and_read_by_the_secretary_general_and_auditors(string role, bool reads, bool manages)
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        var url = $"/Channels/Groups/Members/{scenario.GroupId}";
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(ReconciliationTests.Account(role));

        var page = await client.GetAsync(url);
        if (reads)
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        else
        {
            Responses.AssertRefused(page, role);
        }

        var token = PortalClient.AntiforgeryToken(await client.GetHtmlAsync("/"));
        var response = await client.Http.PostAsync(url + "?handler=Add", new FormUrlEncodedContent(
            [new("personId", scenario.EligibleId.ToString()), new("__RequestVerificationToken", token)]));
        if (manages)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(MembershipStatus.Member, await StatusAsync(scenario));
        }
        else
        {
            Responses.AssertRefused(response, role);
            Assert.Null(await StatusAsync(scenario));
        }
    }

    private Task<MembershipStatus?> StatusAsync(ReconciliationScenario scenario) => portal.WithDbAsync(db => db.GroupMemberships
        .Where(m => m.GroupId == scenario.GroupId && m.PersonId == scenario.EligibleId)
        .Select(m => (MembershipStatus?)m.Status).SingleOrDefaultAsync());

    private Task<bool> MayBeInvitedAsync(ReconciliationScenario scenario) => portal.WithServicesAsync(sp =>
        sp.GetRequiredService<EligibilityQuery>().MayBeInvitedAsync(scenario.EligibleId, scenario.GroupId, DateOnly.FromDateTime(DateTime.UtcNow), default));
}
