using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ElectionComms.Bench;

/// <summary>One endpoint's latencies under a fixed number of concurrent workers.</summary>
internal sealed record LoadResult(string Name, string Path, int Requests, int Failures, double Seconds, double[] SortedMs)
{
    public double Percentile(double p) => SortedMs.Length == 0 ? double.NaN : SortedMs[Math.Clamp((int)Math.Ceiling(p / 100 * SortedMs.Length) - 1, 0, SortedMs.Length - 1)];

    public double Throughput => Requests / Seconds;

    public string Row(double? trivialP95) => string.Format(
        CultureInfo.InvariantCulture,
        "| {0} | `{1}` | {2:N0} | {3} | {4:F1} | {5:F1} | {6:F1} | {7:F1} | {8:F0} | {9} |",
        Name, Path, Requests, Failures, Percentile(50), Percentile(95), Percentile(99), SortedMs.Length == 0 ? 0 : SortedMs[^1], Throughput,
        trivialP95 is { } t ? (Percentile(95) / t).ToString("F1", CultureInfo.InvariantCulture) + "×" : "–");
}

/// <summary>
/// Sends GETs to one path from <c>workers</c> concurrent loops until <c>requests</c> have been measured or the time
/// limit passes, after an unmeasured warm-up. Only loopback addresses are ever used; every loop is bounded.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(
        HttpClient client, string name, string path, int workers, int warmup, int requests, TimeSpan limit)
    {
        if (!client.BaseAddress!.IsLoopback)
        {
            throw new InvalidOperationException("The benchmark only talks to loopback addresses.");
        }

        await PhaseAsync(client, path, workers, warmup, limit, latencies: null);
        var latencies = new double[requests];
        var watch = Stopwatch.StartNew();
        var (done, failures) = await PhaseAsync(client, path, workers, requests, limit, latencies);
        watch.Stop();
        var measured = latencies.Take(done).Order().ToArray();
        return new LoadResult(name, path, done, failures, watch.Elapsed.TotalSeconds, measured);
    }

    /// <summary>Unmeasured requests to every path in turn, so no endpoint is measured while the JIT still tiers up code it shares.</summary>
    public static async Task WarmUpAsync(HttpClient client, IEnumerable<string> paths, int workers, int requests, TimeSpan limit)
    {
        for (var round = 0; round < 3; round++)
        {
            foreach (var path in paths)
            {
                await PhaseAsync(client, path, workers, requests, limit, latencies: null);
            }
        }
    }

    private static async Task<(int Done, int Failures)> PhaseAsync(
        HttpClient client, string path, int workers, int total, TimeSpan limit, double[]? latencies)
    {
        var next = -1;
        var failures = 0;
        var deadline = Stopwatch.StartNew();
        var completed = 0;

        async Task Worker()
        {
            while (deadline.Elapsed < limit)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= total)
                {
                    return;
                }

                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }

                if (latencies is not null)
                {
                    latencies[index] = elapsed;
                }

                Interlocked.Increment(ref completed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(Worker)));
        return (Math.Min(completed, total), failures);
    }
}
