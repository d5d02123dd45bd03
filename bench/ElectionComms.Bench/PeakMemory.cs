using System.Diagnostics;

namespace ElectionComms.Bench;

/// <summary>Wall time of some work, and the highest managed heap and working set sampled every 10 ms while it runs.</summary>
internal static class PeakMemory
{
    public static async Task<(T Result, TimeSpan Elapsed, long Heap, long WorkingSet)> MeasureAsync<T>(Func<Task<T>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long heap = 0, workingSet = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!stop.IsCancellationRequested)
            {
                heap = Math.Max(heap, GC.GetTotalMemory(false));
                process.Refresh();
                workingSet = Math.Max(workingSet, process.WorkingSet64);
                await Task.Delay(10);
            }
        });
        var watch = Stopwatch.StartNew();
        var result = await work();
        var elapsed = watch.Elapsed;
        await stop.CancelAsync();
        await sampler;
        return (result, elapsed, heap, workingSet);
    }
}
