using System.Net;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Channels.Inventory;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Setup;

/// <summary>Two portal processes on one database (issue 13 item 13): the second shares the first's database and seeds nothing.</summary>
public sealed class TwoPortals : PortalFactory
{
    public TwoPortals()
        : base("instances", kestrel: false)
    {
        Second = new SecondPortal(this);
    }

    public SecondPortal Second { get; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = Second.Services;
    }

    public override async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>A client of <paramref name="portal"/> that keeps its cookies in <paramref name="cookies"/>, shared with a client of the other.</summary>
    public static PortalClient Client(WebApplicationFactory<Program> portal, CookieContainerHandler cookies, string database) =>
        new(portal.CreateDefaultClient(new Uri("https://localhost"), cookies), database);

    public sealed class SecondPortal(TwoPortals first) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) => first.ConfigureWebHostFor(builder);
    }
}

[CollectionDefinition(Name)]
public sealed class TwoPortalsCollection : ICollectionFixture<TwoPortals>
{
    public const string Name = "TwoPortals";
}

/// <summary>What one instance writes, the other shows; what one instance signs, the other reads.</summary>
[Collection(TwoPortalsCollection.Name)]
public sealed class SeveralInstancesTests(TwoPortals portals) : IAsyncLifetime
{
    public Task InitializeAsync() => portals.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_group_renamed_through_one_instance_shows_renamed_on_the_other_instances_cached_list()
    {
        var groupId = await InventoryPages.GroupIdAsync(portals, "KZAZ 1");
        using var second = new PortalClient(portals.Second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }), portals.ConnectionString);
        await second.SignInAsync(DemoAccounts.SecretaryGeneral);

        // The second instance computes the list once and keeps it in its read-model cache.
        var url = InventoryPages.List + "?q=KZAZ%201";
        Assert.Contains(groupId, InventoryPages.GroupIds(await second.GetHtmlAsync(url)));
        Assert.DoesNotContain("KZAZ 1 Tirana Qender", await second.GetHtmlAsync(url), StringComparison.Ordinal);

        // The first instance renames the group and commits.
        await portals.WithDbAsync(async db =>
        {
            (await db.Groups.SingleAsync(g => g.Id == groupId)).Rename("KZAZ 1 Tirana Qender");
            return await db.SaveChangesAsync();
        });

        // NOTIFY read_models reaches the second instance with the commit; it reads again.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string html;
        do
        {
            html = await second.GetHtmlAsync(url);
        }
        while (!html.Contains("KZAZ 1 Tirana Qender", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Pause());

        Assert.Contains("KZAZ 1 Tirana Qender", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rolled_back_change_sends_no_signal()
    {
        var cache = portals.Second.Services.GetRequiredService<ReadModelCache>();
        var computed = 0;
        Task<int> Read() => cache.GetOrCreateAsync("test:rollback", () => Task.FromResult(++computed));
        Assert.Equal(1, await Read());

        await portals.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Elections.Add(Domain.Administration.Election.Plan("Zgjedhje prove", Domain.Administration.ElectionKind.PartialLocal, new DateOnly(2027, 5, 9)));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });

        // A committed change afterwards does reach it: the rollback's silence was not a lost connection.
        await Task.Delay(500);
        Assert.Equal(1, await Read());
        await portals.WithDbAsync(async db =>
        {
            db.Elections.Add(Domain.Administration.Election.Plan("Zgjedhje prove", Domain.Administration.ElectionKind.PartialLocal, new DateOnly(2027, 5, 9)));
            return await db.SaveChangesAsync();
        });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await Read() == 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(2, await Read());
    }

    [Fact]
    public async Task A_session_and_a_form_token_made_by_one_instance_are_accepted_by_the_other()
    {
        var cookies = new CookieContainerHandler();
        using var first = TwoPortals.Client(portals, cookies, portals.ConnectionString);
        await first.SignInAsync(DemoAccounts.Clerk);
        var token = PortalClient.AntiforgeryToken(await first.GetHtmlAsync("/"));

        // The same browser's next requests land on the other instance: still signed in, its form token still valid.
        using var second = TwoPortals.Client(portals.Second, new CookieContainerHandler(cookies.Container), portals.ConnectionString);
        var home = await second.Http.GetAsync("/");
        Assert.True(home.StatusCode == HttpStatusCode.OK, $"{home.StatusCode} {home.Headers.Location}");
        Assert.Contains(DemoAccounts.Clerk.FullName, await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var loggedOut = await second.Http.PostAsync("/Account/Logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);

        // The key that signed both lives in PostgreSQL, not in either process.
        await using var scope = portals.Second.Services.CreateAsyncScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<KeyRingContext>().DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(100);
        return true;
    }
}
