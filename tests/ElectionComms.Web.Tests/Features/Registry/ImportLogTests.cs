using System.Collections.Concurrent;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ElectionComms.Web.Tests.Features.Registry;

/// <summary>§10: no full phone number reaches the logs, even with every logger at its most verbose level.</summary>
[Collection(PortalCollection.Name)]
public sealed class ImportLogTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Import_and_reveal_log_lines_contain_no_phone_digits()
    {
        var sink = new CapturingSink();
        await using var verbose = portal.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Verbose");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Verbose");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Verbose");
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink));
        });
        using var clerk = new PortalClient(verbose.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        }));
        await clerk.SignInAsync(DemoAccounts.Clerk);
        var units = await SeedUnits.LoadAsync(portal);
        var rows = Enumerable.Range(1, 20).Select(n => RosterFiles.Row(n, units.Kqv)).Append(RosterFiles.Row(21, units.Kqv, phone: "069 12"));

        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv(rows));
        var id = await portal.WithDbAsync(db => db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var url = $"/Registry/Person/{id}";
        await clerk.PostFormAsync(url, [], url + "?handler=Reveal");

        Assert.Equal(20, await portal.WithDbAsync(db => db.People.CountAsync()));
        var lines = sink.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("Roster applied", StringComparison.Ordinal));
        foreach (var n in Enumerable.Range(1, 20))
        {
            var subscriber = $"12345{n:00}";
            Assert.DoesNotContain(lines, l => l.Contains(subscriber, StringComparison.Ordinal) || l.Contains($"123 45{n:00}", StringComparison.Ordinal));
        }
    }

    private sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public void Emit(LogEvent logEvent)
        {
            using var text = new StringWriter();
            logEvent.RenderMessage(text);
            foreach (var (name, value) in logEvent.Properties)
            {
                text.Write($" {name}={value}");
            }

            text.Write(logEvent.Exception?.ToString());
            Lines.Enqueue(text.ToString());
        }
    }
}
