using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;

namespace ElectionComms.Web.Tests.Features.Channels.Groups;

/// <summary>
/// Issue 3, item 7: every role × action on a group, refusals included. "KZAZ 1" belongs to an account of the
/// Electoral Administration directorate (DAZ), is administered by its director and has the demo officer assigned;
/// "KQV 0001 – KZAZ 1" is a DAZ group with no officer.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class GroupAccessMatrixTests(PortalFactory portal) : IAsyncLifetime
{
    public static readonly TheoryData<string, bool, bool, bool, bool> Matrix = new()
    {
        // account e-mail, reads KZAZ 1, reads KQV 0001, manages KZAZ 1, grants transmit access
        { DemoAccounts.SecretaryGeneral.Email, true, true, false, false },
        { DemoAccounts.Auditor.Email, true, true, false, false },
        { DemoAccounts.AdministrationDirector.Email, true, true, true, false },
        { DemoAccounts.LogisticsDirector.Email, true, true, false, true },
        { DemoAccounts.CommunicationOfficer.Email, true, false, false, false },
        { DemoAccounts.Clerk.Email, true, true, false, false },
        { DemoAccounts.HelplineOperator.Email, false, false, false, false },
        { DemoAccounts.SystemAdministrator.Email, false, false, false, false },
    };

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reads_manages_and_grants_exactly_what_the_rules_allow(
        string email, bool readsKzazGroup, bool readsKqvGroup, bool manages, bool grants)
    {
        var account = DemoAccounts.All.Single(a => a.Email == email);
        var kzazGroup = await portal.GroupIdAsync("KZAZ 1");
        var kqvGroup = await portal.GroupIdAsync("KQV 0001 – KZAZ 1");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(account);

        await AssertAllowedAsync(readsKzazGroup, await client.GetAsync($"/Channels/Groups/Details/{kzazGroup}"), "read KZAZ 1");
        await AssertAllowedAsync(readsKqvGroup, await client.GetAsync($"/Channels/Groups/Details/{kqvGroup}"), "read KQV 0001");
        await AssertAllowedAsync(manages, await client.GetAsync($"/Channels/Groups/Edit/{kzazGroup}"), "open edit");

        // The list shows the same groups the detail page allows.
        var list = await client.GetAsync("/Channels/Groups?q=KZAZ%201");
        if (readsKzazGroup || readsKqvGroup)
        {
            var html = await list.Content.ReadAsStringAsync();
            Assert.Equal(readsKzazGroup, html.Contains($"/Channels/Groups/Details/{kzazGroup}\"", StringComparison.Ordinal));
            Assert.Equal(readsKqvGroup, html.Contains($"/Channels/Groups/Details/{kqvGroup}\"", StringComparison.Ordinal));
        }

        // Officer changes: a POST from anyone who may not manage is refused and changes nothing.
        var officer = await portal.StaffIdAsync(DemoAccounts.CommunicationOfficer);
        var before = (await portal.GroupAsync(kqvGroup)).Officers.Count;
        var add = await client.Http.PostAsync($"/Channels/Groups/Officers/{kqvGroup}?handler=Add", await FormAsync(client, ("officerId", officer.ToString())));
        var after = (await portal.GroupAsync(kqvGroup)).Officers.Count;
        if (manages)
        {
            Assert.Equal(before + 1, after);
        }
        else
        {
            Responses.AssertRefused(add, "add officer");
            Assert.Equal(before, after);
        }

        var operatorId = await portal.StaffIdAsync(DemoAccounts.HelplineOperator);
        var grant = await client.Http.PostAsync("/Channels/Grants?handler=Grant", await FormAsync(client,
            ("Input.GroupId", kzazGroup.ToString()), ("Input.GranteeId", operatorId.ToString())));
        if (grants)
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, grant.StatusCode);
        }
        else
        {
            Responses.AssertRefused(grant, "grant transmit access");
        }
    }

    private static Task AssertAllowedAsync(bool allowed, HttpResponseMessage response, string what)
    {
        if (allowed)
        {
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{what}: expected 200, got {(int)response.StatusCode} {response.Headers.Location}");
        }
        else
        {
            Responses.AssertRefused(response, what);
        }

        return Task.CompletedTask;
    }

    /// <summary>A form body carrying a valid antiforgery token, taken from a page every signed-in user may open.</summary>
    private static async Task<FormUrlEncodedContent> FormAsync(PortalClient client, params (string Name, string Value)[] fields)
    {
        var token = PortalClient.AntiforgeryToken(await client.GetHtmlAsync("/"));
        return new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token)));
    }
}
