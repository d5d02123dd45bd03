using System.Net;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Channels.Groups;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Channels.Grants;

/// <summary>§8: the director of Logistics and Digitalisation grants and revokes "may transmit" access.</summary>
[Collection(PortalCollection.Name)]
public sealed class TransmitGrantTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Granted_operator_sees_the_group_until_the_grant_is_revoked_and_both_are_audited()
    {
        var groupId = await portal.GroupIdAsync("KZAZ 2");
        using var operatorClient = portal.CreatePortalClient();
        await operatorClient.SignInAsync(DemoAccounts.HelplineOperator);
        Responses.AssertRefused(await operatorClient.GetAsync($"/Channels/Groups/Details/{groupId}"), "before the grant");

        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.LogisticsDirector);
        var granted = await GrantAsync(director, groupId, DemoAccounts.HelplineOperator, expires: null);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/Channels/Groups/Details/{groupId}")).StatusCode);
        var grants = await director.GetHtmlAsync("/Channels/Grants");
        Assert.Contains("Sokol Tafaj", grants, StringComparison.Ordinal);

        var grantId = await portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().TransmitGrants.Select(t => t.Id).SingleAsync());
        var revoked = await director.PostFormAsync("/Channels/Grants", [new("grantId", grantId.ToString())], "/Channels/Grants?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Responses.AssertRefused(await operatorClient.GetAsync($"/Channels/Groups/Details/{groupId}"), "after revocation");

        var actions = await portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries
            .Where(a => a.Entity == "TransmitGrant").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["TransmitGrant.Created", "TransmitGrant.Updated"], actions);
    }

    [Fact]
    public async Task Expiry_in_the_past_is_refused_and_no_grant_is_stored()
    {
        var groupId = await portal.GroupIdAsync("KZAZ 2");
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.LogisticsDirector);
        await GrantAsync(director, groupId, DemoAccounts.HelplineOperator, expires: DateTime.UtcNow.AddDays(-1));

        Assert.Contains("Afati i skadimit duhet të jetë në të ardhmen", await director.GetHtmlAsync($"/Channels/Groups/Details/{groupId}"), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().TransmitGrants.CountAsync()));
    }

    [Fact]
    public async Task Clerk_cannot_be_given_transmit_access()
    {
        var groupId = await portal.GroupIdAsync("KZAZ 2");
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.LogisticsDirector);
        await GrantAsync(director, groupId, DemoAccounts.Clerk, expires: null);

        Assert.Contains("vetëm operatorët e linjës së ndihmës dhe drejtorët (§8)", await director.GetHtmlAsync($"/Channels/Groups/Details/{groupId}"), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().TransmitGrants.CountAsync()));
    }

    [Fact]
    public async Task Another_director_cannot_grant_even_with_a_crafted_request()
    {
        var groupId = await portal.GroupIdAsync("KZAZ 2");
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        Responses.AssertRefused(await GrantAsync(director, groupId, DemoAccounts.HelplineOperator, expires: null), "grant by DAZ director");
        Assert.Equal(0, await portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().TransmitGrants.CountAsync()));
    }

    private async Task<HttpResponseMessage> GrantAsync(PortalClient client, int groupId, DemoAccount grantee, DateTime? expires)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.GroupId", groupId.ToString()),
            new("Input.GranteeId", (await portal.StaffIdAsync(grantee)).ToString()),
        };
        if (expires is { } value)
        {
            fields.Add(new("Input.ExpiresAt", value.ToString("yyyy-MM-ddTHH:mm")));
        }

        return await client.PostFormAsync("/Channels/Grants", fields, "/Channels/Grants?handler=Grant");
    }
}
