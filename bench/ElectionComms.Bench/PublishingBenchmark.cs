using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;
using ElectionComms.Domain.Publishing;
using ElectionComms.FakePlatforms;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ElectionComms.Bench;

/// <summary>
/// Issue 13 item 12: one approved message to N Telegram groups of one bot, through the fake Bot API, sent by one or
/// two dispatcher processes (the portal's binary with <c>--dispatcher</c>), started before the approval and woken by
/// its NOTIFY. Measured on the fake's journal: achieved rate against the limit, duplicates, losses, the time from the
/// approval's commit to the first arrival, and the busiest second. With limits off, the dispatchers' own ceiling,
/// beside a plain loop of the same number of sendMessage POSTs to the same fake at the same concurrency (the
/// baseline: what the fake and loopback HTTP allow on this machine).
/// </summary>
internal static class PublishingBenchmark
{
    private const string Handle = "kqz_administrata";
    private const string Token = "100001:bench-administrata-token";

    public static async Task<int> RunAsync(string[] args)
    {
        var groups = Option(args, "--groups", 6_000);
        var rate = Option(args, "--rate", 30);
        var workers = Option(args, "--workers", 8);
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',') ?? ["limited", "unlimited"];
        var connection = $"Host=127.0.0.1;Port={Environment.GetEnvironmentVariable("EC_PG_PORT") ?? "55432"};Username=postgres;Password=postgres;Database=electioncomms_bench_publishing";

        await BenchHost.PrepareDatabaseAsync(connection, fresh: true);
        await using var host = new BenchHost(connection);
        _ = host.Server;
        await SeedAsync(host, groups);
        await using var telegram = await FakeTelegram.StartAsync();

        Console.WriteLine($"groups={groups:N0} rate={rate}/s workers={workers} cores={Environment.ProcessorCount} load={Load()}");
        Console.WriteLine("| run | dispatchers | limit | sent | duplicates | lost | approval → first | first → last | achieved | of limit / of baseline | busiest second |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        if (only.Contains("limited"))
        {
            foreach (var dispatchers in new[] { 1, 2 })
            {
                await RunOnceAsync(host, telegram, connection, groups, dispatchers, rate, workers, baseline: null);
            }
        }

        if (only.Contains("unlimited"))
        {
            var baseline = await BaselineAsync(telegram, groups, workers);
            Console.WriteLine($"| baseline: plain loop of {groups:N0} sendMessage POSTs, {workers} at once | – | – | {groups:N0} | – | – | – | – | {baseline:N0}/s | 1.00 | – |");
            foreach (var dispatchers in new[] { 1, 2 })
            {
                await RunOnceAsync(host, telegram, connection, groups, dispatchers, 0, workers, baseline);
            }
        }

        Console.WriteLine($"load after={Load()}");
        return 0;
    }

    private static async Task RunOnceAsync(BenchHost host, FakeTelegram telegram, string connection, int groups, int dispatchers, int rate, int workers, double? baseline)
    {
        telegram.Reset();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM pacing_slots");
        }

        var processes = Enumerable.Range(1, dispatchers).Select(_ => StartDispatcher(connection, telegram.BaseUrl, rate, workers)).ToList();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(4)); // started and listening before the approval
            var text = $"Udhëzim nr. {Guid.NewGuid():N} për të gjitha grupet.";
            var (messageId, committed) = await ApproveAsync(host, text);
            var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(rate > 0 ? (groups / (double)rate * 1.5) + 60 : 300);
            while (DateTimeOffset.UtcNow < deadline && await OpenAsync(host, messageId) > 0)
            {
                await Task.Delay(200);
            }

            var calls = telegram.Calls.Where(c => c.Method == "sendMessage").OrderBy(c => c.At).ToList();
            var distinct = calls.Select(c => c.ChatId).Distinct().Count();
            var first = calls[0].At;
            var last = calls[^1].At;
            var achieved = (calls.Count - 1) / (last - first).TotalSeconds;
            var busiest = calls.GroupBy(c => c.At.ToUnixTimeMilliseconds() / 1000).Max(g => g.Count());
            var windowMax = SlidingMax(calls.Select(c => c.At).ToList(), TimeSpan.FromSeconds(1));
            var relative = rate > 0 ? achieved / rate : achieved / baseline!.Value;
            Console.WriteLine(
                $"| {(rate > 0 ? "limited" : "limits off")} | {dispatchers} | {(rate > 0 ? rate + "/s" : "off")} | {calls.Count:N0} | {calls.Count - distinct:N0} | {groups - distinct:N0} | " +
                $"{(first - committed).TotalMilliseconds:N0} ms | {(last - first).TotalSeconds:N1} s | {achieved:N1}/s | {relative:P1} | {busiest:N0} (any 1 s window: {windowMax:N0}) |");
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    /// <summary>The same HTTP work without the dispatcher: the fake's and loopback's ceiling on this machine.</summary>
    private static async Task<double> BaselineAsync(FakeTelegram telegram, int groups, int workers)
    {
        telegram.Reset();
        using var http = new HttpClient { BaseAddress = telegram.BaseUrl };
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= groups)
            {
                using var response = await http.PostAsJsonAsync($"/bot{Token}/sendMessage", new { chat_id = -1002000000000L - i, text = "Udhëzim", parse_mode = "HTML" });
                response.EnsureSuccessStatusCode();
            }
        }));
        return groups / clock.Elapsed.TotalSeconds;
    }

    private static Process StartDispatcher(string connection, Uri telegram, int rate, int workers)
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "ElectionComms.Web", "bin", "Release", "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "ElectionComms.Web.dll"), "--dispatcher"])
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Default"] = connection;
        start.Environment["Publishing__Telegram__BaseUrl"] = telegram.ToString();
        start.Environment[$"Publishing__Telegram__Tokens__{Handle}"] = Token;
        start.Environment["Publishing__Telegram__MessagesPerSecondPerBot"] = rate.ToString(CultureInfo.InvariantCulture);
        start.Environment["Publishing__Workers"] = workers.ToString(CultureInfo.InvariantCulture);

        // A line per delivery on the console would measure the console; warnings and errors still show.
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.Error.WriteLine("  dispatcher: " + line);
        }
    }

    /// <summary>Accounts, a small election and N more Telegram groups of one bot, all assigned to the demo officer.</summary>
    private static async Task SeedAsync(BenchHost host, int groups)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.SeedAccountsAsync();
        var electionId = await seeder.SeedElectionAsync(DemoScale.Small);
        await scope.ServiceProvider.GetRequiredService<ChannelsSeeder>().SeedAsync(electionId);
        var account = await db.OfficialAccounts.SingleAsync(a => a.Handle == "@" + Handle);
        var daz = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
        var officer = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.CommunicationOfficer.Email);
        var now = DateTimeOffset.UtcNow;
        for (var i = 1; i <= groups; i++)
        {
            var group = Group.Create(account, electionId, GroupKind.Group, $"Grupi i provës së ngarkesës {i:0000}", AdministrationLevel.Kzaz, GroupScope.National,
                (-1002000000000L - i).ToString(CultureInfo.InvariantCulture), daz, isTestGroup: false, now);
            group.AssignOfficer(officer, daz.Id, now);
            db.Groups.Add(group);
        }

        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
    }

    /// <summary>The officer's message to every bench group, approved by the director: the approval's own transaction adds the deliveries.</summary>
    internal static async Task<(Guid Id, DateTimeOffset Committed)> ApproveAsync(BenchHost host, string text, string groupPrefix = "Grupi i provës së ngarkesës", bool asksAcknowledgement = false)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officer = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.CommunicationOfficer.Email);
        var daz = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
        var sg = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.SecretaryGeneral.Email);
        var groups = await db.Groups.Where(g => g.Name.StartsWith(groupPrefix)).ToListAsync();
        var directorate = await db.OfficialAccounts.Where(a => a.Handle == "@" + Handle).Select(a => a.DirectorateId).SingleAsync();
        var targets = groups.Select(g => new TargetGroup(g.Id, g.Name, directorate, g.AdministratorId, false, true, true)).ToList();
        var now = DateTimeOffset.UtcNow;
        var message = Message.Draft(officer, new MessageDraft(text, null, null, null, false, asksAcknowledgement), targets, now);
        db.Messages.Add(message);
        message.Submit(officer, null, targets, [daz.Id, sg.Id], [new ApproverCandidate(daz, StaffRole.Director)], now);
        message.Approve(daz, StaffRole.Director, [daz.Id, sg.Id], targets, message.CurrentContentHash, now, now);
        var entry = message.Enqueue(now);
        db.PublishingQueue.Add(entry);
        db.Deliveries.AddRange(message.DeliveriesOf(entry, groups.ToDictionary(g => g.Id, g => (g.Platform, g.PlatformId)), now));
        await db.SaveChangesAsync();
        return (message.Id, DateTimeOffset.UtcNow);
    }

    private static async Task<int> OpenAsync(BenchHost host, Guid messageId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Deliveries.CountAsync(d => d.MessageId == messageId && (d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Sending));
    }

    private static int SlidingMax(List<DateTimeOffset> times, TimeSpan window)
    {
        var max = 0;
        var start = 0;
        for (var end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ElectionComms.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("ElectionComms.sln not found above " + AppContext.BaseDirectory);
    }
}
