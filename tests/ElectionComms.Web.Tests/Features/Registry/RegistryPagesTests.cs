using System.Net;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Registry;

/// <summary>§5c list and person page; §10 masked numbers, audited reveals; who may open the registry at all.</summary>
[Collection(PortalCollection.Name)]
public sealed class RegistryPagesTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_shows_numbers_masked_and_never_in_full()
    {
        await SeedPeopleAsync(3);
        using var sg = portal.CreatePortalClient();
        await sg.SignInAsync(DemoAccounts.SecretaryGeneral);

        var html = await sg.GetHtmlAsync("/Registry");

        var rows = HtmlTable.Rows(html, "people");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["+355 69 *** **01", "+355 69 *** **02", "+355 69 *** **03"], rows.Select(r => r[1]).Order());
        foreach (var n in new[] { 1, 2, 3 })
        {
            FullNumber.AssertAbsent(RosterFiles.E164(n), html, "the registry list");
        }

        Assert.DoesNotContain("123 4501", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_by_last_digits_or_name_and_filters_narrow_the_list_in_sql()
    {
        var ids = await SeedPeopleAsync(4);
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);

        Assert.Equal(["Person Prove 3"], HtmlTable.FirstColumn(await clerk.GetHtmlAsync("/Registry?q=4503"), "people"));
        Assert.Equal(["Person Prove 2"], HtmlTable.FirstColumn(await clerk.GetHtmlAsync("/Registry?q=prove%202"), "people"));
        var kqv = await portal.WithDbAsync(db => db.VotingCentres.Where(v => v.ElectionId == portal.ElectionId).OrderBy(v => v.Number).Select(v => v.Number).FirstAsync());
        Assert.Equal(4, HtmlTable.Rows(await clerk.GetHtmlAsync($"/Registry?level=Kqv&unit={kqv}&role=Member&status=Active"), "people").Count);
        Assert.DoesNotContain("data-testid=\"people\"", await clerk.GetHtmlAsync("/Registry?role=Chair"), StringComparison.Ordinal);

        await portal.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == ids[0]);
            person.End("Dorëheqje", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(["Person Prove 1"], HtmlTable.FirstColumn(await clerk.GetHtmlAsync("/Registry?status=Ended"), "people"));
    }

    [Theory]
    [InlineData("Clerk")]
    [InlineData("Director")]
    [InlineData("SecretaryGeneral")]
    public async Task Reveal_shows_the_full_number_once_and_is_audited(string role)
    {
        var id = (await SeedPeopleAsync(1))[0];
        var account = role switch
        {
            "Clerk" => DemoAccounts.Clerk,
            "Director" => DemoAccounts.AdministrationDirector,
            _ => DemoAccounts.SecretaryGeneral,
        };
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(account);
        var url = $"/Registry/Person/{id}";
        Assert.DoesNotContain("123 4501", await client.GetHtmlAsync(url), StringComparison.Ordinal);

        var response = await client.PostFormAsync(url, [], url + "?handler=Reveal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("+355 69 123 4501", html, StringComparison.Ordinal);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "PhoneReveal.Created"));
        Assert.Equal(account.Email, audit.ActorName);
        Assert.Contains($"\"PersonId\":{id}", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("4501", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("123 4501", await client.GetHtmlAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auditor_sees_masked_numbers_and_may_not_reveal()
    {
        var id = (await SeedPeopleAsync(1))[0];
        using var auditor = portal.CreatePortalClient();
        await auditor.SignInAsync(DemoAccounts.Auditor);
        var url = $"/Registry/Person/{id}";
        var html = WebUtility.HtmlDecode(await auditor.GetHtmlAsync(url));
        Assert.Contains("+355 69 *** **01", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Reveal", html, StringComparison.Ordinal);

        Responses.AssertRefused(await auditor.PostFormAsync(url, [], url + "?handler=Reveal"), "reveal");
        Responses.AssertRefused(await auditor.PostFormAsync(url, [new("Input.Reason", "x")], url + "?handler=End"), "end");
        Assert.Equal(0, await portal.WithDbAsync(db => db.PhoneReveals.CountAsync()));
    }

    [Fact]
    public async Task Clerk_ends_and_reinstates_a_person_and_the_history_shows_both()
    {
        var id = (await SeedPeopleAsync(1))[0];
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        var url = $"/Registry/Person/{id}";

        var missingReason = await clerk.PostFormAsync(url, [new("Input.Reason", "")], url + "?handler=End");
        Assert.Equal(HttpStatusCode.OK, missingReason.StatusCode);
        Assert.Equal(PersonStatus.Active, await StatusAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync(url, [new("Input.Reason", "Dorëheqje")], url + "?handler=End")).StatusCode);
        Assert.Equal(PersonStatus.Ended, await StatusAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync(url, [], url + "?handler=Reinstate")).StatusCode);
        Assert.Equal(PersonStatus.Active, await StatusAsync(id));

        var history = HtmlTable.Rows(await clerk.GetHtmlAsync(url), "history");
        Assert.Equal(["U ndryshua personi", "U ndryshua personi", "U regjistrua personi"], history.Select(r => r[2]));
        Assert.Equal(DemoAccounts.Clerk.Email, history[0][1]);
        Assert.Contains("Statusi: Aktiv → I përfunduar", history[1][3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reinstate_is_refused_while_another_active_person_holds_the_number()
    {
        var id = (await SeedPeopleAsync(1))[0];
        await portal.WithDbAsync(async db =>
        {
            var first = await db.People.SingleAsync(p => p.Id == id);
            first.End("Zëvendësim", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            db.People.Add(Person.Register(portal.ElectionId, "Pasardhësi", first.Phone, UnitRole.Member, first.Level, first.UnitId, new DateOnly(2027, 3, 1), null));
            return await db.SaveChangesAsync();
        });
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        var url = $"/Registry/Person/{id}";

        var response = await clerk.PostFormAsync(url, [], url + "?handler=Reinstate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ky numër i përket tashmë një personi tjetër aktiv në këto zgjedhje", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PersonStatus.Ended, await StatusAsync(id));
    }

    public static TheoryData<string> Outsiders => new() { "operator", "administrator", "oficer" };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Operator_sysadmin_and_officer_cannot_open_the_registry(string who)
    {
        var id = (await SeedPeopleAsync(1))[0];
        var account = who switch
        {
            "operator" => DemoAccounts.HelplineOperator,
            "administrator" => DemoAccounts.SystemAdministrator,
            _ => DemoAccounts.CommunicationOfficer,
        };
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(account);

        foreach (var url in new[] { "/Registry", $"/Registry/Person/{id}", RosterFiles.ImportUrl, RosterFiles.ImportUrl + "?handler=Template" })
        {
            Responses.AssertRefused(await client.GetAsync(url), url);
        }

        Assert.DoesNotContain("href=\"/Registry\"", await client.GetHtmlAsync("/"), StringComparison.Ordinal);
    }

    private Task<PersonStatus> StatusAsync(int id) => portal.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.Status).SingleAsync());

    /// <summary>People 1..n in the first KQV, numbers +35569123450n.</summary>
    private Task<List<int>> SeedPeopleAsync(int count) => portal.WithDbAsync(async db =>
    {
        var kqv = await db.VotingCentres.Where(v => v.ElectionId == portal.ElectionId).OrderBy(v => v.Number).Select(v => v.Id).FirstAsync();
        var people = Enumerable.Range(1, count)
            .Select(n => Person.Register(portal.ElectionId, $"Person Prove {n}", RosterFiles.E164(n), UnitRole.Member, AdministrationLevel.Kqv, kqv, new DateOnly(2027, 3, 1), null))
            .ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        return people.Select(p => p.Id).ToList();
    });
}
