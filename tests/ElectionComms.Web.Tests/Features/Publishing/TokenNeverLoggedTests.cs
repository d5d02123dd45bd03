using System.Collections.Concurrent;
using System.Net;
using ElectionComms.Domain.Publishing;
using ElectionComms.FakePlatforms;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ElectionComms.Web.Tests.Features.Publishing;

/// <summary>
/// The portal with every logger at its most verbose level and one more Serilog sink, taken from the container
/// (<c>ReadFrom.Services</c>), that keeps every event rendered with its properties and exception.
/// </summary>
public sealed class VerbosePublishingPortal : PublishingPortal
{
    public VerbosePublishingPortal()
        : base("publishing_verbose")
    {
    }

    public CapturingSink Sink { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
        foreach (var source in new[] { "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Database.Command", "System.Net.Http", "Microsoft.Extensions.Http" })
        {
            builder.UseSetting($"Serilog:MinimumLevel:Override:{source}", "Verbose");
        }

        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Sink));
    }
}

/// <summary>Every event as a line: the rendered message, each property and the exception.</summary>
public sealed class CapturingSink : ILogEventSink
{
    public ConcurrentQueue<(LogEventLevel Level, string Text)> Lines { get; } = new();

    public void Emit(LogEvent logEvent) =>
        Lines.Enqueue((logEvent.Level, string.Join(" | ",
            [logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), .. logEvent.Properties.Select(p => p.Key + "=" + p.Value), logEvent.Exception?.ToString() ?? string.Empty])));
}

[CollectionDefinition(Name)]
public sealed class VerbosePublishingCollection : ICollectionFixture<VerbosePublishingPortal>
{
    public const string Name = "VerbosePublishing";
}

/// <summary>
/// Issue 13 item 9: Telegram puts the bot token in the request path. With every logger at Verbose — ASP.NET Core,
/// EF Core with its SQL, HttpClient — a send, a 429, a 403 and a 5xx leave no line that holds the token or its secret part.
/// </summary>
[Collection(VerbosePublishingCollection.Name)]
public sealed class TokenNeverLoggedTests(VerbosePublishingPortal portal) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        portal.Telegram.Reset();
        return portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task No_log_line_holds_a_bot_token()
    {
        var answers = new Queue<Func<string, FakeTelegram.Answer>>([
            chat => portal.Telegram.Sent(chat, "ok"),
            _ => FakeTelegram.Error(HttpStatusCode.TooManyRequests, "Too Many Requests: retry after 1", retryAfter: 1),
            _ => FakeTelegram.Error(HttpStatusCode.Forbidden, "Forbidden: bot was kicked from the supergroup chat"),
            _ => FakeTelegram.Error(HttpStatusCode.BadGateway, "Bad Gateway"),
        ]);
        var statuses = new List<DeliveryStatus>();
        while (answers.TryDequeue(out var answer))
        {
            var id = await portal.ApprovedAsync($"Njoftim {answers.Count}.");
            var delivery = Assert.Single(await portal.DeliveriesAsync(id));
            var chat = await portal.WithDbAsync(db => Task.FromResult(db.Groups.Where(g => g.Id == delivery.GroupId).Select(g => g.PlatformId).Single()));
            portal.Telegram.Reset();
            portal.Telegram.Script(chat, _ => answer(chat));
            await portal.DispatchAsync();
            statuses.Add(Assert.Single(await portal.DeliveriesAsync(id)).Status);
        }

        // Each path ran: a send, two that wait for a retry, one that failed.
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Queued, DeliveryStatus.Failed, DeliveryStatus.Queued], statuses);
        var lines = portal.Sink.Lines.ToList();
        Assert.Contains(lines, l => l.Level == LogEventLevel.Verbose);
        Assert.Contains(lines, l => l.Text.Contains("bot was kicked", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.Contains("deliveries", StringComparison.Ordinal));
        foreach (var secret in new[] { PublishingPortal.AdministrationToken, PublishingPortal.AdministrationToken.Split(':')[1], PublishingPortal.AnnouncementsToken.Split(':')[1] })
        {
            Assert.DoesNotContain(lines, l => l.Text.Contains(secret, StringComparison.Ordinal));
        }
    }
}
