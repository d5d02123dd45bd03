using System.Net;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ElectionComms.Bench;

/// <summary>
/// The real portal, Production environment, on Kestrel at 127.0.0.1 (random port), against its own benchmark
/// database. Request logging is lowered to warnings so the console does not become the bottleneck.
/// </summary>
internal sealed class BenchHost : WebApplicationFactory<Program>
{
    private readonly string connectionString;
    private readonly IReadOnlyDictionary<string, string> settings;

    /// <param name="settings">More configuration for this benchmark (bot tokens, a fake's address), over the defaults below.</param>
    public BenchHost(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        this.connectionString = connectionString;
        this.settings = settings ?? new Dictionary<string, string>();

        // WebApplicationFactory guesses the web project's folder for test projects only; name it for this console.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ELECTIONCOMMS_WEB", WebProjectFolder());
    }

    public Uri Address
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First());
        }
    }

    /// <summary>Creates the database if needed, migrates it and loads national-scale demo data once.</summary>
    public static async Task PrepareDatabaseAsync(string connectionString, bool fresh)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        if (fresh)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    public async Task MigrateAndSeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(DemoScale.National);

        // Statistics and visibility maps as autovacuum keeps them on a live server: the planner sees 6,500 groups and
        // 100,000 messages, and index-only scans need not visit freshly bulk-inserted pages.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
    }

    public async Task<(int Groups, int Accounts)> SizeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Groups.CountAsync(), await db.OfficialAccounts.CountAsync());
    }

    private static string WebProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "ElectionComms.Web");
            if (File.Exists(Path.Combine(candidate, "ElectionComms.Web.csproj")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/ElectionComms.Web not found above " + AppContext.BaseDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        // Migrated as the host starts, before its hosted services (the Data Protection key ring reads its table).
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Scale", string.Empty);
        builder.UseSetting("Security:CookieSecurePolicy", "SameAsRequest");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");

        // Benchmarks that send start their own dispatchers; this host serves pages only.
        builder.UseSetting("Publishing:Dispatcher", "false");
        builder.UseSetting("PlatformEvents:Processor", "false");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Path.GetTempPath(), "electioncomms-bench-.json"));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }
}
