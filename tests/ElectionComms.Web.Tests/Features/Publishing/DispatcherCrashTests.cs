using System.Diagnostics;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Publishing;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Publishing;

/// <summary>
/// Issue 13 item 11: real dispatcher processes (the portal's binary with <c>--dispatcher</c>) against the test
/// database and the fake Telegram, which answers slowly so that sends are in flight when the process is killed.
/// Checked on the fake's journal and the outbox: no group got the message twice, every target is sent or
/// uncertain, and no more are uncertain than there were sends in flight (one per worker).
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class DispatcherCrashTests(PublishingPortal portal) : IAsyncLifetime
{
    private const int Workers = 2;

    public Task InitializeAsync()
    {
        portal.Telegram.Reset();
        return portal.ResetAsync();
    }

    public Task DisposeAsync()
    {
        portal.Telegram.Reset();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_dispatcher_killed_mid_fan_out_and_started_again_sends_no_group_twice()
    {
        var (id, groups) = await FanOutAsync("Njoftim për të gjitha grupet e Telegramit.");
        portal.Telegram.SendDelay = TimeSpan.FromMilliseconds(400);

        using (var first = StartDispatcher())
        {
            await WaitAsync(() => Task.FromResult(portal.Telegram.Calls.Count >= 2), TimeSpan.FromSeconds(60), first);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var sentBeforeCrash = portal.Telegram.Calls.Count;
        Assert.True(sentBeforeCrash < groups, $"the crash came after all {groups} sends");
        using (var second = StartDispatcher())
        {
            try
            {
                await WaitAsync(async () => await OpenAsync(id) == 0, TimeSpan.FromSeconds(90), second);
            }
            finally
            {
                second.Kill(entireProcessTree: true);
                await second.WaitForExitAsync();
            }
        }

        var chats = portal.Telegram.Calls.Where(c => c.Method == "sendMessage").Select(c => c.ChatId).ToList();
        Assert.Equal(chats.Count, chats.Distinct().Count());
        var deliveries = await portal.DeliveriesAsync(id);
        Assert.Equal(groups, deliveries.Count);
        Assert.All(deliveries, d => Assert.Contains(d.Status, new[] { DeliveryStatus.Sent, DeliveryStatus.Uncertain }));
        var uncertain = deliveries.Count(d => d.Status == DeliveryStatus.Uncertain);
        Assert.InRange(uncertain, 0, Workers);
        Assert.Equal(groups - uncertain, deliveries.Count(d => d.Status == DeliveryStatus.Sent));
    }

    [Fact]
    public async Task Two_dispatcher_processes_at_once_send_each_group_once()
    {
        var (id, groups) = await FanOutAsync("Njoftim nga dy dispeçerë.");
        portal.Telegram.SendDelay = TimeSpan.FromMilliseconds(100);

        using var one = StartDispatcher();
        using var two = StartDispatcher();
        try
        {
            await WaitAsync(async () => await OpenAsync(id) == 0, TimeSpan.FromSeconds(90), one);
        }
        finally
        {
            one.Kill(entireProcessTree: true);
            two.Kill(entireProcessTree: true);
            await Task.WhenAll(one.WaitForExitAsync(), two.WaitForExitAsync());
        }

        var chats = portal.Telegram.Calls.Where(c => c.Method == "sendMessage").Select(c => c.ChatId).ToList();
        Assert.Equal(groups, chats.Count);
        Assert.Equal(groups, chats.Distinct().Count());
        Assert.All(await portal.DeliveriesAsync(id), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    /// <summary>One message to every group of the administration bot in the small election (one directorate's account).</summary>
    private async Task<(Guid Id, int Groups)> FanOutAsync(string text)
    {
        var groups = await portal.WithDbAsync(db => db.Groups
            .Where(g => g.Platform == Platform.Telegram && !g.IsTestGroup && db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.Handle == "@kqz_administrata"))
            .Select(g => g.Id).ToListAsync());
        Assert.True(groups.Count >= 6, $"the small election has {groups.Count} groups of the administration bot");
        return (await portal.ApprovedToAsync(text, groups), groups.Count);
    }

    private Task<int> OpenAsync(Guid id) =>
        portal.WithDbAsync(db => db.Deliveries.CountAsync(d => d.MessageId == id && (d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Sending)));

    private Process StartDispatcher()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(PortalBinaries(), "ElectionComms.Web.dll"), "--dispatcher"])
        {
            WorkingDirectory = PortalBinaries(),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Default"] = portal.ConnectionString;
        start.Environment["Publishing__Telegram__BaseUrl"] = portal.Telegram.BaseUrl.ToString();
        start.Environment["Publishing__Telegram__Tokens__kqz_administrata"] = PublishingPortal.AdministrationToken;
        start.Environment["Publishing__Telegram__Tokens__kqz_njoftime"] = PublishingPortal.AnnouncementsToken;
        start.Environment["Publishing__Workers"] = Workers.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // A short lease, so the restarted dispatcher finds the dead one's claims within the test.
        start.Environment["Publishing__LeaseSeconds"] = "3";
        start.Environment["Publishing__IdleSeconds"] = "1";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitAsync(Func<Task<bool>> done, TimeSpan deadline, Process process)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (!await done())
        {
            Assert.False(process.HasExited, $"the dispatcher process exited with {(process.HasExited ? process.ExitCode : 0)}");
            Assert.True(DateTimeOffset.UtcNow < until, "timed out");
            await Task.Delay(100);
        }
    }

    /// <summary>The portal's own build output, of the configuration these tests were built in.</summary>
    private static string PortalBinaries()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "ElectionComms.Web", "bin", configuration, "net10.0");
            if (File.Exists(Path.Combine(candidate, "ElectionComms.Web.dll")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("the portal's build output was not found above " + AppContext.BaseDirectory);
    }
}
