using System.Diagnostics;
using System.Globalization;
using System.Net;
using ElectionComms.Web.Data.Seed;
using Npgsql;

namespace ElectionComms.Bench;

/// <summary>What one page-load benchmark signs in as and requests, once the national data is in place.</summary>
/// <param name="Describe">A line on the size of the data, for the report.</param>
/// <param name="Endpoints">The pages to load, between two runs of the trivial endpoint.</param>
internal sealed record PageLoadPlan(
    DemoAccount Account,
    Func<BenchHost, Task<string>> Describe,
    Func<BenchHost, Task<(string Name, string Path)[]>> Endpoints);

/// <summary>
/// Pages at national scale under 16 concurrent clients, beside the app's own /health (which queries the database)
/// before and after them in the same run. Goal of issues 3 and 6: p95 ≤ 50 ms and ≤ 3× the trivial endpoint.
/// </summary>
internal static class PageLoadBenchmark
{
    public static async Task<int> RunAsync(string[] args, PageLoadPlan plan)
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
            ?? "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Database=electioncomms";
        var connection = new NpgsqlConnectionStringBuilder(configured) { Database = Option(args, "--database") ?? "electioncomms_bench" };
        if (Option(args, "--auto-prepare") is { } prepared)
        {
            // Npgsql keeps that many statements prepared per connection, so PostgreSQL stops planning them anew.
            connection.MaxAutoPrepare = int.Parse(prepared, CultureInfo.InvariantCulture);
            connection.AutoPrepareMinUsages = 2;
        }

        if (Option(args, "--connection-options") is { } extra)
        {
            // e.g. "No Reset On Close=true;Max Pool Size=32": Npgsql settings to compare in the same run shape.
            connection.ConnectionString += ";" + extra;
        }

        if (connection.Host is not ("127.0.0.1" or "localhost" or "::1"))
        {
            Console.Error.WriteLine("The benchmark runs against a local PostgreSQL only (host 127.0.0.1).");
            return 2;
        }

        var workers = int.Parse(Option(args, "--workers") ?? "16", CultureInfo.InvariantCulture);
        var requests = int.Parse(Option(args, "--requests") ?? "2000", CultureInfo.InvariantCulture);
        var warmup = int.Parse(Option(args, "--warmup") ?? "200", CultureInfo.InvariantCulture);
        var limit = TimeSpan.FromSeconds(int.Parse(Option(args, "--seconds") ?? "120", CultureInfo.InvariantCulture));

        var setup = Stopwatch.StartNew();
        await BenchHost.PrepareDatabaseAsync(connection.ConnectionString, fresh: args.Contains("--fresh"));
        await using var host = new BenchHost(connection.ConnectionString);
        host.StartServer();
        await host.MigrateAndSeedAsync();
        Console.WriteLine($"database {connection.Database}: {await plan.Describe(host)} (ready in {setup.Elapsed.TotalSeconds:F0} s); Npgsql auto-prepare {(Option(args, "--auto-prepare") ?? "the app's default (64)")}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load average before: {LoadAverage()}");

        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = workers };
        using var client = new HttpClient(handler) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        await SignIn.AsAsync(client, plan.Account);
        Console.WriteLine($"signed in as {plan.Account.Email} at {host.Address}; {workers} workers, {warmup} warm-up + {requests} measured requests per endpoint, at most {limit.TotalSeconds:F0} s each");

        // --only queue,history: the endpoints whose name contains one of these words, to study one page at a time.
        var only = Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var endpoints = new[] { ("Trivial (database health check)", "/health") }
            .Concat((await plan.Endpoints(host)).Where(e => only is null || only.Any(o => e.Name.Contains(o, StringComparison.OrdinalIgnoreCase))))
            .Concat(Options(args, "--path").Select(path => (path, path)))
            .Append(("Trivial again (drift check)", "/health"))
            .ToList();
        // The app under test is long-running in production: tiered JIT and PGO settle before anything is measured.
        // (Measured cold, the first endpoints ran at a third of their warm rate: /health 740 req/s, warm 2,200.)
        await LoadRunner.WarmUpAsync(client, endpoints.Select(e => e.Item2).Distinct(), workers, warmup, limit);
        var results = new List<LoadResult>();
        foreach (var (name, path) in endpoints)
        {
            var result = await LoadRunner.RunAsync(client, name, path, workers, warmup, requests, limit);
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: p50 {result.Percentile(50):F1} ms, p95 {result.Percentile(95):F1} ms, p99 {result.Percentile(99):F1} ms, {result.Throughput:F0} req/s, {result.Failures} failures"));
        }

        Console.WriteLine($"load average after: {LoadAverage()}");

        // The lower of the two trivial runs, so the ratio is not flattered by a slow moment of the machine.
        var trivialP95 = Math.Min(results[0].Percentile(95), results[^1].Percentile(95));
        Console.WriteLine();
        Console.WriteLine("| Endpoint | Path | Requests | Failures | p50 ms | p95 ms | p99 ms | max ms | req/s | p95 ÷ trivial p95 |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            Console.WriteLine(result.Row(result.Path == "/health" ? null : trivialP95));
        }

        var pages = results.Where(r => r.Path != "/health").ToList();
        var met = pages.All(r => r.Percentile(95) <= 50 && r.Percentile(95) <= 3 * trivialP95);
        Console.WriteLine();
        Console.WriteLine(met ? "Goal met: every page p95 ≤ 50 ms and ≤ 3× the trivial endpoint." : "Goal NOT met (p95 ≤ 50 ms and ≤ 3× the trivial endpoint).");
        return results.Any(r => r.Failures > 0) ? 1 : 0;
    }

    /// <summary>Other work on the machine inflates every figure; the run prints how busy it was.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Every value of a repeated option, such as <c>--path /a --path /b</c> (any page, to compare with the plan's).</summary>
    private static IEnumerable<string> Options(string[] args, string name) =>
        args.Zip(args.Skip(1)).Where(pair => pair.First == name).Select(pair => pair.Second);

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
