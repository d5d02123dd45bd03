using System.Net;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Channels.Groups;

/// <summary>§6/§7: a director creates a group for one level and scope, administered by someone of director rank.</summary>
[Collection(PortalCollection.Name)]
public sealed class CreateGroupTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Director_creates_a_voting_centre_group_and_the_creation_is_audited()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.AdministrationDirector);
        var response = await PostAsync(client, await ValidFormAsync());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var group = await portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Groups.SingleAsync(g => g.Name == "KQV 0002 – trajnimi"));
        Assert.Equal(ScopeKind.Unit, group.ScopeKind);
        Assert.Equal("https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", group.PlatformId);
        var audit = await portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries
            .SingleAsync(a => a.Action == "Group.Created" && a.EntityId == group.Id.ToString()));
        Assert.Equal(await portal.StaffIdAsync(DemoAccounts.AdministrationDirector), audit.ActorId);
        Assert.Contains("KQV 0002 – trajnimi", (await client.GetHtmlAsync($"/Channels/Groups/Details/{group.Id}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_below_director_rank_is_refused_with_the_7_message_and_nothing_is_saved()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.AdministrationDirector);
        var form = await ValidFormAsync();
        form["Input.AdministratorId"] = (await portal.StaffIdAsync(DemoAccounts.CommunicationOfficer)).ToString();

        await AssertRefusedAsync(client, form, "duhet të jetë aktiv dhe të paktën me gradën drejtor (§7)");
    }

    [Theory]
    [InlineData("Input.PlatformId", "https://chat.whatsapp.com/short", "nuk është as lidhje ftese WhatsApp")]
    [InlineData("Input.ScopeReference", "9999", "Njësia e shtrirjes nuk u gjet")]
    [InlineData("Input.ScopeKind", "Kzaz", "nuk i përshtatet nivelit")]
    public async Task Bad_input_gets_a_clear_Albanian_message_and_nothing_is_saved(string field, string value, string message)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.AdministrationDirector);
        var form = await ValidFormAsync();
        form[field] = value;
        if (field == "Input.ScopeKind")
        {
            form["Input.Level"] = "Kzaz";
            form["Input.ScopeReference"] = "1";
        }

        await AssertRefusedAsync(client, form, message);
    }

    [Fact]
    public async Task Over_long_name_is_refused_by_validation()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.AdministrationDirector);
        var form = await ValidFormAsync();
        form["Input.Name"] = new string('a', Group.NameMaxLength + 1);
        await AssertRefusedAsync(client, form, "pranon deri në 200 shenja");
    }

    [Fact]
    public async Task Platform_identifier_already_used_on_the_platform_is_refused()
    {
        var taken = await portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Groups
            .Where(g => g.Platform == Platform.WhatsApp).Select(g => g.PlatformId).FirstAsync());
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.AdministrationDirector);
        var form = await ValidFormAsync();
        form["Input.PlatformId"] = taken;
        await AssertRefusedAsync(client, form, "përdoret tashmë nga një grup tjetër");
    }

    [Fact]
    public async Task Director_of_another_directorate_cannot_use_the_account()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.LogisticsDirector);
        await AssertRefusedAsync(client, await ValidFormAsync(), "Zgjidhni një llogari aktive të drejtorisë suaj");
    }

    [Theory]
    [InlineData("Clerk")]
    [InlineData("CommunicationOfficer")]
    [InlineData("SecretaryGeneral")]
    public async Task Only_directors_may_create_groups(string role)
    {
        var account = DemoAccounts.All.First(a => a.Role == role);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(account);
        Responses.AssertRefused(await client.GetAsync("/Channels/Groups/Create"), role);
    }

    [Fact]
    public async Task Database_refuses_a_group_administrator_below_director_rank_even_without_the_page()
    {
        var groupId = await portal.GroupIdAsync("KZAZ 1");
        var officer = await portal.StaffIdAsync(DemoAccounts.CommunicationOfficer);
        var exception = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => portal.WithServicesAsync(sp =>
            sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlAsync($"UPDATE groups SET administrator_id = {officer} WHERE id = {groupId}")));
        Assert.Equal("ck_groups_administrator_rank", exception.ConstraintName);
    }

    private async Task AssertRefusedAsync(PortalClient client, Dictionary<string, string> form, string message)
    {
        var before = await portal.GroupCountAsync();
        var response = await PostAsync(client, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await portal.GroupCountAsync());
    }

    private static Task<HttpResponseMessage> PostAsync(PortalClient client, Dictionary<string, string> form) =>
        client.PostFormAsync("/Channels/Groups/Create", form);

    private async Task<Dictionary<string, string>> ValidFormAsync() => new()
    {
        ["Input.AccountId"] = (await portal.WhatsAppAccountIdAsync()).ToString(),
        ["Input.Kind"] = "Group",
        ["Input.Name"] = "KQV 0002 – trajnimi",
        ["Input.Level"] = "Kqv",
        ["Input.ScopeKind"] = "Unit",
        ["Input.ScopeReference"] = "0002",
        ["Input.PlatformId"] = "https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv",
        ["Input.AdministratorId"] = (await portal.StaffIdAsync(DemoAccounts.AdministrationDirector)).ToString(),
    };
}
