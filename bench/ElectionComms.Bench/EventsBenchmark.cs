using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Domain.Publishing;
using ElectionComms.Domain.Registry;
using ElectionComms.FakePlatforms;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.PlatformEvents;
using ElectionComms.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Bench;

/// <summary>
/// Issue 14 item 8: webhook intake at national scale. Part 1, the evening the administration joins: N members
/// (47,000) each send a join request to one of G Telegram groups (6,000) and then their contact, as Telegram posts
/// them to the webhook (16 senders at once), while P processors (the portal's own <see cref="UpdateProcessor"/> and
/// <see cref="BotActionSender"/>) decide and make the bots' calls against the fake Bot API. One contact in ten is a
/// number the registry does not have. Part 2: one message with "Konfirmo / Confirm" sent to the G groups, and one
/// press per group by a member bound in part 1. Measured: updates/s accepted at the webhook and processed, p95 from
/// an update's arrival to its decision, and, from the database and the fake's journal, decisions lost or doubled.
/// </summary>
internal static class EventsBenchmark
{
    private const string Handle = "kqz_administrata";
    private const string Token = "100001:bench-administrata-token";
    private const string Secret = "bench-webhook-secret";

    private static long updateId = 900_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var members = Option(args, "--members", 47_000);
        var groups = Option(args, "--groups", 6_000);
        var processors = Option(args, "--processors", 4);
        var senders = Option(args, "--senders", 16);
        var paced = Option(args, "--paced", 1_000);
        var pace = Option(args, "--pace", 20);
        var connection = $"Host=127.0.0.1;Port={Environment.GetEnvironmentVariable("EC_PG_PORT") ?? "55432"};Username=postgres;Password=postgres;Database=electioncomms_bench_events";

        await using var telegram = await FakeTelegram.StartAsync();
        await BenchHost.PrepareDatabaseAsync(connection, fresh: true);
        await using var host = new BenchHost(connection, new Dictionary<string, string>
        {
            ["Publishing:Telegram:BaseUrl"] = telegram.BaseUrl.ToString(),
            [$"Publishing:Telegram:Tokens:{Handle}"] = Token,
            ["Publishing:Telegram:MessagesPerSecondPerBot"] = "0",
            ["Publishing:MessagesPerMinutePerGroup"] = "0",
            [$"PlatformEvents:TelegramSecrets:{Handle}"] = Secret,
            ["PlatformEvents:AcknowledgementKey"] = "bench-acknowledgement-key-0123456789",
        });
        _ = host.Server;
        var seeding = Stopwatch.StartNew();
        var (chats, phones) = await SeedAsync(host, groups, members + paced);
        Console.WriteLine($"members={members:N0} groups={groups:N0} processors={processors} senders={senders} cores={Environment.ProcessorCount} seeded in {seeding.Elapsed.TotalSeconds:N0} s load={Load()}");
        Console.WriteLine("| part | updates | accepted in | accepted/s | processed in | processed/s | arrival → decision p50 / p95 | decisions | lost | doubled | bot calls |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

        // Part 1: each member a join request, then a contact (one in ten not in the registry).
        var joins = new List<string>(members * 2);
        for (var m = 0; m < members; m++)
        {
            joins.Add(JoinRequest(chats[m % groups], UserOf(m)));
        }

        var contacts = Enumerable.Range(0, members).Select(m => Contact(UserOf(m), m % 10 == 9 ? "+35568" + m.ToString("0000000", CultureInfo.InvariantCulture) : phones[m])).ToList();
        await RunPartAsync(host, telegram, "joins, as fast as they come", [joins, contacts], processors, senders, 0, async db =>
        {
            var decisions = await db.MemberEvents.Where(e => e.Kind == MemberEventKind.JoinApproved || e.Kind == MemberEventKind.JoinDeclined)
                .GroupBy(e => e.PlatformUserId).Select(g => g.Count()).ToListAsync();
            var calls = telegram.Calls.Where(c => c.Method is "approveChatJoinRequest" or "declineChatJoinRequest").GroupBy(c => c.Body["user_id"]!.ToString()).Select(g => g.Count()).ToList();
            return (decisions.Count, members - decisions.Count, decisions.Count(n => n > 1) + calls.Count(n => n > 1), members - calls.Count);
        });

        // Part 1b: the same at an evening's pace (47,000 members over a few hours is a few updates a second; here
        // --pace updates/s), for the time from arrival to decision when the processors are not behind.
        var pacedJoins = Enumerable.Range(members, paced).SelectMany(m => new[] { JoinRequest(chats[m % groups], UserOf(m)), Contact(UserOf(m), phones[m]) }).ToList();
        await RunPartAsync(host, telegram, $"joins, paced at {pace}/s", [pacedJoins], processors, senders: 1, pace, async db =>
        {
            var users = Enumerable.Range(members, paced).Select(m => UserOf(m).ToString(CultureInfo.InvariantCulture)).ToList();
            var decisions = await db.MemberEvents.Where(e => users.Contains(e.PlatformUserId) && (e.Kind == MemberEventKind.JoinApproved || e.Kind == MemberEventKind.JoinDeclined))
                .GroupBy(e => e.PlatformUserId).Select(g => g.Count()).ToListAsync();
            var calls = telegram.Calls.Where(c => c.Method is "approveChatJoinRequest" or "declineChatJoinRequest").GroupBy(c => c.Body["user_id"]!.ToString()).Select(g => g.Count()).ToList();
            return (decisions.Count, paced - decisions.Count, decisions.Count(n => n > 1) + calls.Count(n => n > 1), paced - calls.Count);
        });

        // Part 2: one message with a button to every group; one press per group by the member bound in part 1.
        var (messageId, _) = await PublishingBenchmark.ApproveAsync(host, "Ju lutemi konfirmoni marrjen e udhëzimit.", "Grupi i provës ", asksAcknowledgement: true);
        await DispatchAsync(host, processors);
        var sent = await DeliveriesAsync(host, messageId);
        var codes = host.Services.GetRequiredService<ElectionComms.Web.Common.AcknowledgementCodes>();
        // One press per group, each by a different member whom part 1 let in (every tenth was declined, so never bound).
        var bound = Enumerable.Range(0, members).Where(m => m % 10 != 9).ToList();
        var presses = sent.Select((d, i) => Press(d.Chat, d.PostId, UserOf(bound[i % bound.Count]), codes.For(d.Id)!)).ToList();
        await RunPartAsync(host, telegram, "callbacks, as fast as they come", [presses], processors, senders, 0, async db =>
        {
            var acknowledged = await db.Acknowledgements.CountAsync(a => a.MessageId == messageId);
            var answers = telegram.Calls.Count(c => c.Method == "answerCallbackQuery");
            return (acknowledged, presses.Count - acknowledged, Math.Max(0, answers - presses.Count), presses.Count - answers);
        });

        Console.WriteLine($"load after={Load()}");
        return 0;
    }

    /// <summary>Posts the waves in order (all of one before the next) while the processors run; reports when everything is decided.</summary>
    private static async Task RunPartAsync(
        BenchHost host, FakeTelegram telegram, string part, IReadOnlyList<IReadOnlyList<string>> waves, int processors, int senders, int pace,
        Func<AppDbContext, Task<(int Decisions, int Lost, int Doubled, int CallsMissing)>> check)
    {
        telegram.Reset();
        var since = DateTimeOffset.UtcNow;
        using var stop = new CancellationTokenSource();
        var work = Enumerable.Range(0, processors).Select(_ => Task.Run(() => ProcessUntilStoppedAsync(host, stop.Token))).ToList();
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
        var failures = 0;
        foreach (var wave in waves)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < wave.Count)
                {
                    if (pace > 0 && clock.Elapsed < TimeSpan.FromSeconds((double)i / pace))
                    {
                        await Task.Delay(TimeSpan.FromSeconds((double)i / pace) - clock.Elapsed);
                    }

                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/telegram/{Handle}") { Content = new StringContent(wave[i], Encoding.UTF8, "application/json") };
                    request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
                    using var response = await http.SendAsync(request);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }));
        }

        var accepted = clock.Elapsed;
        var updates = waves.Sum(w => w.Count);
        while (await PendingAsync(host) > 0)
        {
            await Task.Delay(200);
        }

        var processed = clock.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(work);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Arrival at the webhook (received_at) to the decision's commit: the member event of a contact, the processed
        // mark of a press (its acknowledgement is written in the same transaction).
        var latencies = await db.Database.SqlQueryRaw<double>(part.StartsWith("joins", StringComparison.Ordinal)
            ? """
              SELECT extract(epoch FROM e.at - u.received_at) * 1000 AS "Value"
              FROM member_events e JOIN platform_updates u ON u.id = e.update_id
              WHERE e.kind IN ('JoinApproved', 'JoinDeclined') AND u.received_at >= {0}
              """
            : """
              SELECT extract(epoch FROM u.processed_at - u.received_at) * 1000 AS "Value"
              FROM platform_updates u WHERE u.kind = 'callback_query' AND u.received_at >= {0}
              """, since).ToListAsync();
        latencies.Sort();
        var (decisions, lost, doubled, missing) = await check(db);
        var calls = telegram.Calls.Count;
        Console.WriteLine(
            $"| {part} | {updates:N0}{(failures > 0 ? $" ({failures:N0} refused)" : string.Empty)} | {accepted.TotalSeconds:N1} s | {updates / accepted.TotalSeconds:N0} | {processed.TotalSeconds:N1} s | {updates / processed.TotalSeconds:N0} "
            + $"| {Percentile(latencies, 0.50):N0} / {Percentile(latencies, 0.95):N0} ms | {decisions:N0} | {lost:N0} | {doubled:N0} | {calls:N0}{(missing > 0 ? $" ({missing:N0} missing)" : string.Empty)} |");
    }

    private static async Task ProcessUntilStoppedAsync(BenchHost host, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetRequiredService<UpdateProcessor>();
            var sender = scope.ServiceProvider.GetRequiredService<BotActionSender>();
            var any = false;
            for (var n = 0; n < 100; n++)
            {
                var did = await processor.ProcessNextAsync(CancellationToken.None) | await sender.SendNextAsync(CancellationToken.None);
                any |= did;
                if (!did)
                {
                    break;
                }
            }

            if (!any)
            {
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    private static async Task<int> PendingAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.InboxUpdates.CountAsync(u => u.ProcessedAt == null && u.Attempts < InboxUpdate.MaxAttempts)
            + await db.BotActions.CountAsync(a => a.Status == BotActionStatus.Pending);
    }

    /// <summary>Accounts, a small election, G Telegram groups of one bot (national KZAZ-level scope) and N KZAZ-level members.</summary>
    private static async Task<(List<string> Chats, List<string> Phones)> SeedAsync(BenchHost host, int groups, int members)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.SeedAccountsAsync();
        var electionId = await seeder.SeedElectionAsync(DemoScale.Small);
        await scope.ServiceProvider.GetRequiredService<ChannelsSeeder>().SeedAsync(electionId);
        var account = await db.OfficialAccounts.SingleAsync(a => a.Handle == "@" + Handle);
        var daz = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
        var officer = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.CommunicationOfficer.Email);
        var zone = await db.Kzazs.Where(k => k.ElectionId == electionId).OrderBy(k => k.Number).Select(k => k.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var chats = new List<string>();
        for (var i = 1; i <= groups; i++)
        {
            var chat = (-1003000000000L - i).ToString(CultureInfo.InvariantCulture);
            var group = Group.Create(account, electionId, GroupKind.Group, $"Grupi i provës {i:0000}", AdministrationLevel.Kzaz, GroupScope.National, chat, daz, isTestGroup: false, now);
            group.AssignOfficer(officer, daz.Id, now);
            db.Groups.Add(group);
            chats.Add(chat);
        }

        await db.SaveChangesAsync();
        var phones = Enumerable.Range(0, members).Select(m => "+35569" + (1_000_000 + m).ToString("0000000", CultureInfo.InvariantCulture)).ToList();
        foreach (var batch in phones.Chunk(5_000))
        {
            db.ChangeTracker.Clear();
            db.People.AddRange(batch.Select(p => Person.Register(electionId, "Anëtar " + p[^7..], p, UnitRole.Member, AdministrationLevel.Kzaz, zone, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1), null)));
            await db.SaveChangesAsync();
        }

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        return (chats, phones);
    }

    private static async Task DispatchAsync(BenchHost host, int workers) =>
        await Task.WhenAll(Enumerable.Range(1, workers).Select(n => Task.Run(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().RunOnceAsync($"bench-{n}", CancellationToken.None);
        })));

    private static async Task<List<(long Id, string Chat, string PostId)>> DeliveriesAsync(BenchHost host, Guid messageId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await (from d in db.Deliveries
                          join g in db.Groups on d.GroupId equals g.Id
                          where d.MessageId == messageId && d.Status == DeliveryStatus.Sent
                          orderby g.Name
                          select new { d.Id, g.PlatformId, d.PlatformMessageId }).ToListAsync();
        return rows.Select(r => (r.Id, r.PlatformId, r.PlatformMessageId!)).ToList();
    }

    private static long UserOf(int member) => 8_000_000_000L + member;

    private static JsonObject User(long id) => new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = "Anëtar", ["language_code"] = "sq" };

    private static JsonObject Chat(string chat) => new() { ["id"] = long.Parse(chat, CultureInfo.InvariantCulture), ["title"] = "Grupi", ["type"] = "supergroup" };

    private static string JoinRequest(string chat, long user) => new JsonObject
    {
        ["update_id"] = Interlocked.Increment(ref updateId),
        ["chat_join_request"] = new JsonObject { ["chat"] = Chat(chat), ["from"] = User(user), ["user_chat_id"] = user, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() },
    }.ToJsonString();

    private static string Contact(long user, string phone) => new JsonObject
    {
        ["update_id"] = Interlocked.Increment(ref updateId),
        ["message"] = new JsonObject
        {
            ["message_id"] = 2,
            ["from"] = User(user),
            ["chat"] = new JsonObject { ["id"] = user, ["first_name"] = "Anëtar", ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["contact"] = new JsonObject { ["phone_number"] = phone.TrimStart('+'), ["first_name"] = "Anëtar", ["user_id"] = user },
        },
    }.ToJsonString();

    private static string Press(string chat, string postId, long user, string data) => new JsonObject
    {
        ["update_id"] = Interlocked.Increment(ref updateId),
        ["callback_query"] = new JsonObject
        {
            ["id"] = "cb" + Interlocked.Increment(ref updateId).ToString(CultureInfo.InvariantCulture),
            ["from"] = User(user),
            ["message"] = new JsonObject { ["message_id"] = long.Parse(postId, CultureInfo.InvariantCulture), ["chat"] = Chat(chat), ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() },
            ["chat_instance"] = "-1",
            ["data"] = data,
        },
    }.ToJsonString();

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
