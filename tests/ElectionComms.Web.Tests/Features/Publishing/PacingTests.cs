using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Publishing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Publishing;

/// <summary>The publishing portal with pacing on, at rates small enough to see in a few seconds.</summary>
public sealed class PacingPortal : PublishingPortal
{
    public const int PerSecondPerBot = 4;
    public const int PerMinutePerGroup = 30;

    public PacingPortal()
        : base("publishing_pacing")
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Publishing:MessagesPerMinutePerGroup", PerMinutePerGroup.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Publishing:Telegram:MessagesPerSecondPerBot", PerSecondPerBot.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

[CollectionDefinition(Name)]
public sealed class PacingCollection : ICollectionFixture<PacingPortal>
{
    public const string Name = "PublishingPacing";
}

/// <summary>
/// Issue 13 item 4: per bot and per group, the limits hold across dispatchers, because the slots are reserved in
/// PostgreSQL, not counted in a process. Measured on the fake's journal: when each request arrived.
/// </summary>
[Collection(PacingCollection.Name)]
public sealed class PacingTests(PacingPortal portal) : IAsyncLifetime
{
    /// <summary>What a request may arrive early by against its reserved slot: the network and the scheduler, not the pace.</summary>
    private static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(60);

    public Task InitializeAsync()
    {
        portal.Telegram.Reset();
        return portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Three_dispatchers_together_keep_one_bot_at_its_rate()
    {
        var groups = await portal.WithDbAsync(db => db.Groups
            .Where(g => g.Platform == Platform.Telegram && db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.Handle == "@kqz_administrata"))
            .Select(g => g.Id).ToListAsync());
        Assert.True(groups.Count >= 6, $"the demo has {groups.Count} groups of the administration bot");
        var id = await portal.ApprovedToAsync("Udhëzim për të gjitha KZAZ-të.", groups);

        await portal.DispatchUntilSettledAsync([id], dispatchers: 3, TimeSpan.FromSeconds(30));

        Assert.All(await portal.DeliveriesAsync(id), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        var times = portal.Telegram.Calls.Where(c => c.Method == "sendMessage").Select(c => c.At).Order().ToList();
        Assert.Equal(groups.Count, times.Count);

        // Any PerSecondPerBot + 1 consecutive sends span at least a second: never more than the rate in one second.
        for (var i = 0; i + PacingPortal.PerSecondPerBot < times.Count; i++)
        {
            var span = times[i + PacingPortal.PerSecondPerBot] - times[i];
            Assert.True(span >= TimeSpan.FromSeconds(1) - Jitter, $"sends {i}..{i + PacingPortal.PerSecondPerBot} within {span.TotalMilliseconds:N0} ms");
        }

        // And the pace is used, not wasted: all of them in about (n - 1) / rate seconds.
        var total = times[^1] - times[0];
        Assert.True(total < TimeSpan.FromSeconds(((groups.Count - 1.0) / PacingPortal.PerSecondPerBot) + 2), $"{groups.Count} sends took {total}");
    }

    [Fact]
    public async Task Two_dispatchers_send_one_group_no_more_than_its_rate_per_minute()
    {
        var group = (await portal.WithDbAsync(db => db.Groups
            .Where(g => g.Platform == Platform.Telegram && db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.Handle == "@kqz_administrata"))
            .OrderBy(g => g.Id).Select(g => new { g.Id, g.PlatformId }).FirstAsync()));
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await portal.ApprovedToAsync($"Njoftimi nr. {i} për grupin.", [group.Id]));
        }

        await portal.DispatchUntilSettledAsync(ids, dispatchers: 2, TimeSpan.FromSeconds(30));

        var times = portal.Telegram.Calls.Where(c => c.ChatId == group.PlatformId).Select(c => c.At).Order().ToList();
        Assert.Equal(3, times.Count);
        var spacing = TimeSpan.FromSeconds(60.0 / PacingPortal.PerMinutePerGroup);
        for (var i = 1; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 1] >= spacing - Jitter, $"two messages to the group {(times[i] - times[i - 1]).TotalMilliseconds:N0} ms apart");
        }
    }
}
