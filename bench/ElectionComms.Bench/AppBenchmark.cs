using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Invitations;
using ElectionComms.Domain.MemberApp;
using ElectionComms.Domain.Publishing;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Bench;

/// <summary>
/// Issue 20 item 8: the KQZ app at national scale. Part 1: one approved message to an app channel whose audience is
/// N members (47,000), delivered by the real dispatcher and <see cref="AppConnector"/> (one INSERT … SELECT), timed
/// against the same delivery to a group of one member in the same run, with the inbox table's growth. Part 2: M
/// members (16,000), each with their own bound device, open the app once — every request a different person's
/// inbox, so no cache serves any of them — as fast as W workers can, and at the pace of M opens in ten minutes;
/// p50/p95 against the same page without a device (no inbox query) in the same run.
/// </summary>
internal static class AppBenchmark
{
    private const string Prefix = "Banka e provës – aplikacioni";

    public static async Task<int> RunAsync(string[] args)
    {
        var members = Option(args, "--members", 47_000);
        var openers = Math.Min(members, Option(args, "--openers", 16_000));
        var workers = Option(args, "--workers", 16);
        var pacedSeconds = Option(args, "--paced-seconds", 60);
        var connection = $"Host=127.0.0.1;Port={Environment.GetEnvironmentVariable("EC_PG_PORT") ?? "55432"};Username=postgres;Password=postgres;Database=electioncomms_bench_app";

        await BenchHost.PrepareDatabaseAsync(connection, fresh: true);
        await using var host = new BenchHost(connection, new Dictionary<string, string> { ["MemberApp:PushSender"] = "false", ["Publishing:MessagesPerMinutePerGroup"] = "0" });
        _ = host.Server;
        var seeding = Stopwatch.StartNew();
        var people = await SeedAsync(host, members);
        Console.WriteLine($"members={members:N0} openers={openers:N0} workers={workers} cores={Environment.ProcessorCount} seeded in {seeding.Elapsed.TotalSeconds:N0} s load={Load()}");

        // Part 1: one member, then the national audience; the dispatcher as in production.
        Console.WriteLine("| delivery | inboxes written | dispatch | inboxes/s | ratio to one member | app_inbox growth | bytes per inbox row |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        // The first delivery also pays for JIT and connection warm-up: it is made and not counted.
        await DeliverAsync(host, Prefix + " – një anëtar", "Ngrohje.");
        var baseline = await DeliverAsync(host, Prefix + " – një anëtar", "Provë për një anëtar.");
        var national = await DeliverAsync(host, Prefix + " – KQV kombëtare", "Udhëzimi për hapjen e KQV-ve nesër në orën 07:00.");
        foreach (var (name, result) in new[] { ("one member", baseline), ("national KQV channel", national) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {result.Rows:N0} | {result.Seconds * 1000:N0} ms | {result.Rows / result.Seconds:N0} | {result.Seconds / baseline.Seconds:N1}× | {result.Growth / 1024.0 / 1024:N1} MiB | {(result.Rows < 1_000 ? "–" : (result.Growth / result.Rows).ToString("N0", CultureInfo.InvariantCulture))} |"));
        }

        // Part 2: every opener with their own device key.
        var keys = await BindAsync(host, people.Take(openers).ToList());
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = workers * 2 }) { BaseAddress = host.Address };
        Console.WriteLine();
        Console.WriteLine("| opening /app | requests | failures | p50 ms | p95 ms | p99 ms | req/s | p95 ratio to no device |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        await OpenAsync(http, [.. keys.Take(200)], workers, 0);
        var none = await OpenAsync(http, [.. Enumerable.Repeat<string?>(null, openers)], workers, 0);
        var burst = await OpenAsync(http, [.. keys], workers, 0);
        var pace = openers / 600.0;
        var paced = await OpenAsync(http, [.. keys.Take((int)(pace * pacedSeconds))], workers, pace);
        foreach (var (name, result) in new[] { ("no device (baseline)", none), ($"{openers:N0} members, as fast as possible", burst), ($"paced {pace:N1}/s ({openers:N0} in 10 min), {pacedSeconds} s", paced) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {result.Count:N0} | {result.Failures} | {Pct(result.Ms, 50):F1} | {Pct(result.Ms, 95):F1} | {Pct(result.Ms, 99):F1} | {result.Count / result.Seconds:N0} | {Pct(result.Ms, 95) / Pct(none.Ms, 95):F1}× |"));
        }

        Console.WriteLine($"{openers:N0} opens as fast as possible took {burst.Seconds:N0} s (the ten minutes allow 600 s); load after={Load()}");
        return 0;
    }

    private sealed record Delivered(int Rows, double Seconds, long Growth);

    private sealed record Opened(int Count, int Failures, double Seconds, double[] Ms);

    private static async Task<Delivered> DeliverAsync(BenchHost host, string group, string text)
    {
        var before = await SizeAsync(host);
        var (messageId, _) = await PublishingBenchmark.ApproveAsync(host, text, group);
        var clock = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().RunOnceAsync("bench-app", CancellationToken.None);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await using var check = host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var delivery = await db.Deliveries.SingleAsync(d => d.MessageId == messageId);
        if (delivery.Status != DeliveryStatus.Sent)
        {
            throw new InvalidOperationException($"The delivery ended {delivery.Status}: {delivery.Reason}");
        }

        var rows = await db.AppInbox.CountAsync(i => i.DeliveryId == delivery.Id);
        return new Delivered(rows, seconds, await SizeAsync(host) - before);
    }

    /// <summary>Each request opens the inbox with one device's key (null: no device), from W loops, at most <paramref name="perSecond"/> a second when set.</summary>
    private static async Task<Opened> OpenAsync(HttpClient http, IReadOnlyList<string?> keys, int workers, double perSecond)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < keys.Count; i = Interlocked.Increment(ref next))
            {
                if (perSecond > 0 && TimeSpan.FromSeconds(i / perSecond) - clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, "/app");
                if (keys[i] is { } key)
                {
                    request.Headers.Add("Cookie", "ec_app=" + key);
                }

                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode || (keys[i] is not null && !body.Contains("data-testid=\"inbox\"", StringComparison.Ordinal)))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        return new Opened(keys.Count, failures, clock.Elapsed.TotalSeconds, [.. latencies.Order()]);
    }

    /// <summary>A small election, its seeded app account, N KQV members on every unit but the first and one alone there, and the two app groups.</summary>
    private static async Task<List<int>> SeedAsync(BenchHost host, int members)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.SeedAccountsAsync();
        var electionId = await seeder.SeedElectionAsync(DemoScale.Small);
        await scope.ServiceProvider.GetRequiredService<ChannelsSeeder>().SeedAsync(electionId);
        var account = await db.OfficialAccounts.SingleAsync(a => a.Platform == Platform.KqzApp);
        var daz = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
        var officer = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.CommunicationOfficer.Email);
        var units = await db.VotingCentres.Where(v => v.ElectionId == electionId).OrderBy(v => v.Number).Select(v => v.Id).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        var national = Group.Create(account, electionId, GroupKind.Channel, Prefix + " – KQV kombëtare", AdministrationLevel.Kqv, GroupScope.National, "app:bench-national", daz, false, now);
        var single = Group.Create(account, electionId, GroupKind.Channel, Prefix + " – një anëtar", AdministrationLevel.Kqv, new GroupScope(ScopeKind.Unit, units[0]), "app:bench-one", daz, false, now);
        national.AssignOfficer(officer, daz.Id, now);
        single.AssignOfficer(officer, daz.Id, now);
        db.Groups.AddRange(national, single);
        await db.SaveChangesAsync();

        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1);
        db.People.Add(Person.Register(electionId, "Anëtari i vetëm", "+355670000000", UnitRole.Member, AdministrationLevel.Kqv, units[0], from, null));
        foreach (var batch in Enumerable.Range(1, members - 1).Chunk(5_000))
        {
            db.People.AddRange(batch.Select(m => Person.Register(electionId, "Anëtar " + m.ToString(CultureInfo.InvariantCulture),
                "+35567" + m.ToString("0000000", CultureInfo.InvariantCulture), UnitRole.Member, AdministrationLevel.Kqv, units[1 + (m % (units.Count - 1))], from, null)));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        return await db.People.Where(p => p.ElectionId == electionId && p.Level == AdministrationLevel.Kqv).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
    }

    /// <summary>One device per person, as a redeemed personal invitation leaves it; the keys are what their cookies carry.</summary>
    private static async Task<List<string?>> BindAsync(BenchHost host, List<int> people)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var group = await db.Groups.Where(g => g.Name == Prefix + " – KQV kombëtare").Select(g => g.Id).SingleAsync();
        var clerk = await db.Staff.Where(s => s.Email == DemoAccounts.Clerk.Email).Select(s => s.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var invitation = Invitation.Create(new InvitationTarget(group, true, true, true), people[0], true, RandomNumberGenerator.GetBytes(32), now.AddDays(7), Invitation.MaxUsesLimit, null, clerk, now);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        var keys = new List<string?>(people.Count);
        foreach (var batch in people.Chunk(5_000))
        {
            foreach (var person in batch)
            {
                var key = RandomNumberGenerator.GetBytes(32);
                keys.Add(Convert.ToBase64String(key));
                db.AppDevices.Add(AppDevice.Bind(person, invitation.Id, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), SHA256.HashData(key), "Android · Chrome", now));
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        await db.Database.ExecuteSqlRawAsync("ANALYZE app_devices");
        return keys;
    }

    private static async Task<long> SizeAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Database.SqlQueryRaw<long>("SELECT pg_total_relation_size('app_inbox') AS \"Value\"").ToListAsync())[0];
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
