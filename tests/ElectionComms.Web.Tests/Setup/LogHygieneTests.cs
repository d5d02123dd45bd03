using System.Collections.Concurrent;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Core;
using Serilog.Events;

namespace ElectionComms.Web.Tests.Setup;

/// <summary>
/// Issue 11: the log is read by operators, so a normal first start and a normal walk through the portal leave no
/// ERR line, no EF Core query warning and no unfilled {placeholder}.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LogHygieneTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_first_start_on_a_missing_database_migrates_and_seeds_without_an_error_line()
    {
        var fresh = new NpgsqlConnectionStringBuilder(portal.ConnectionString);
        fresh.Database += "_firststart";
        await DropAsync(fresh);
        var sink = new CapturingSink();
        await using (var host = portal.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Default", fresh.ConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Demo:Scale", "small");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink));
        }))
        {
            using var client = host.CreateClient();
            Assert.True((await client.GetAsync("/health")).IsSuccessStatusCode);
        }

        await DropAsync(fresh);
        var errors = sink.Events.Where(e => e.Level >= LogEventLevel.Error).Select(Render).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        var roster = Assert.Single(sink.Events.Select(Render), l => l.StartsWith("Roster applied", StringComparison.Ordinal));
        Assert.DoesNotContain("{", roster, StringComparison.Ordinal);
        Assert.Matches(@"\d+ rows, \d+ new, ", roster);
    }

    [Fact]
    public async Task A_walk_through_history_audit_and_registry_logs_no_error_and_no_query_warning()
    {
        var sink = new CapturingSink();

        // A host of its own: EF Core warns about a query when it first compiles it, and its query cache belongs to
        // the host, so every query of this walk is compiled (and would be warned about) here.
        await using var host = portal.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)));
        PortalClient Client() => new(host.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        }));

        using (var director = Client())
        {
            await director.SignInAsync(DemoAccounts.LogisticsDirector);
            await director.GetHtmlAsync("/Messages");
            await director.GetHtmlAsync("/Messages?status=Published");
        }

        using (var auditor = Client())
        {
            await auditor.SignInAsync(DemoAccounts.Auditor);
            await auditor.GetHtmlAsync("/Admin/Audit");
            await auditor.GetHtmlAsync("/Admin/Audit?pageNumber=2");
            await auditor.GetHtmlAsync("/Messages");
        }

        using (var admin = Client())
        {
            await admin.SignInAsync(DemoAccounts.SystemAdministrator);
            await admin.GetHtmlAsync("/Admin/Staff");
        }

        var bad = sink.Events
            .Where(e => e.Level >= LogEventLevel.Error || (e.Level >= LogEventLevel.Warning && Source(e).StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)))
            .Select(e => $"{e.Level} {Source(e)}: {Render(e)}")
            .ToList();
        Assert.True(bad.Count == 0, string.Join(Environment.NewLine, bad));
    }

    private static string Source(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string name } ? name : string.Empty;

    private static string Render(LogEvent e)
    {
        using var text = new StringWriter();
        e.RenderMessage(text);
        return text.ToString();
    }

    private static async Task DropAsync(NpgsqlConnectionStringBuilder database)
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }
}
