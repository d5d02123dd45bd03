using System.Net;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace ElectionComms.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real PostgreSQL. <see cref="ResetAsync"/> empties every table except reference data
/// (Respawn) and loads the demo accounts and a small election, so each test starts from the same state.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool kestrel;

    public PortalFactory()
        : this("web", kestrel: false)
    {
    }

    protected PortalFactory(string databaseSuffix, bool kestrel)
    {
        ConnectionString = TestDatabase.ConnectionString(databaseSuffix);
        this.kestrel = kestrel;
        if (kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    public string ConnectionString { get; }

    /// <summary>The election the reset created (small scale: 3 KZAZ, 24 KQV, about 45 groups).</summary>
    public int ElectionId { get; private set; }

    /// <summary>Kestrel's address when the factory runs a real server (browser tests).</summary>
    public Uri ServerAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First());
        }
    }

    public virtual async Task InitializeAsync()
    {
        await TestDatabase.EnsureCreatedAsync(ConnectionString);
        if (kestrel)
        {
            StartServer();
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        }

        // Respawn empties whatever an earlier run left (reference data stays), then the seed is loaded once and
        // frozen as a template database; each test then starts from a copy of it, which is ten times faster
        // than seeding again (measured: 1.35 s per seed, about 0.15 s per copy).
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            var respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["public"],
                TablesToIgnore =
                [
                    new Table("__ef_migrations_history"), new Table("qarqe"), new Table("municipalities"),
                    new Table("directorates"), new Table("roles"),

                    // The host made its Data Protection key as it started; emptied, no other instance could find it.
                    new Table("data_protection_keys"),
                ],
            });
            await respawner.ResetAsync(connection);
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            await seeder.SeedAccountsAsync();
            ElectionId = await seeder.SeedElectionAsync(DemoScale.Small);
            await scope.ServiceProvider.GetRequiredService<ChannelsSeeder>().SeedAsync(ElectionId);
        }

        await TestDatabase.CopyAsync(ConnectionString, TemplateName, fromTemplate: false);
    }

    private string TemplateName => new NpgsqlConnectionStringBuilder(ConnectionString).Database + "_template";

    /// <summary>Puts the database back to the seeded state: a fresh copy of the template.</summary>
    public async Task ResetAsync()
    {
        await TestDatabase.CopyAsync(ConnectionString, TemplateName, fromTemplate: true);

        // The copy replaced the database underneath the app: nothing it cached from the old one may be shown.
        Services.GetRequiredService<ReadModelCache>().Invalidate();

        // Each test starts with empty rate-limit windows on the public invitation page.
        Services.GetRequiredService<ElectionComms.Web.Setup.InvitationRateLimiter>().Reset();

        // The copy forgot which authenticator codes were used (ADR 0019): the test codes may start from now again.
        PortalClient.ForgetIssuedCodes(ConnectionString);
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task WithServicesAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, over HTTPS so Secure cookies flow.</summary>
    public PortalClient CreatePortalClient() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    }), ConnectionString);

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>The same settings for another host on this factory's database (a second portal process, SeveralInstancesTests).</summary>
    internal void ConfigureWebHostFor(IWebHostBuilder builder) => ConfigureWebHost(builder);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Demo:Scale", string.Empty);

        // Browser tests talk plain HTTP to Kestrel on loopback; HTTP tests use https://localhost and keep Secure.
        builder.UseSetting("Security:CookieSecurePolicy", kestrel ? "SameAsRequest" : "Always");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");

        // Approved messages stay queued unless a test runs the dispatcher itself (PublishingPortal, Features/Publishing).
        builder.UseSetting("Publishing:Dispatcher", "false");
        builder.UseSetting("PlatformEvents:Processor", "false");
        builder.ConfigureTestServices(services =>
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000));
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFactory>
{
    public const string Name = "Portal";
}
