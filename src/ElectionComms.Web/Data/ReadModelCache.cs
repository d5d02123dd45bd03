using Microsoft.Extensions.Caching.Memory;

namespace ElectionComms.Web.Data;

/// <summary>
/// Caches expensive read models (the inventory's counts and lists) until the next write. Every save through
/// <see cref="AppDbContext"/> that changes a row marks its transaction, and <see cref="Invalidate"/> is called when
/// that transaction commits (<see cref="ReadModelInvalidation"/>), so a reader never sees data older than the last
/// committed change of this process, nor caches a change that was rolled back. Work that writes around EF (bulk
/// COPY) marks the transaction too (<see cref="AppDbContext.ReadModelsChanged"/>).
/// Each process holds its own cache; a commit that changed rows also sends NOTIFY on channel "read_models" in the same
/// transaction (delivered only if it commits), and <see cref="ReadModelSignal"/> in every other process drops its cache
/// when it hears one (ADR 0011, docs/deployment.md).
/// </summary>
public sealed class ReadModelCache(IMemoryCache cache)
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromMinutes(5);
    private long version;

    /// <summary>Names this process in the notifications it sends, so that it does not act on its own.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    public void Invalidate() => Interlocked.Increment(ref version);

    public async Task<T> GetOrCreateAsync<T>(string key, Func<Task<T>> create)
    {
        var versioned = $"{Interlocked.Read(ref version)}:{key}";
        if (cache.TryGetValue(versioned, out T? cached) && cached is not null)
        {
            return cached;
        }

        var value = await create();
        cache.Set(versioned, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = SafetyNet, Size = 1 });
        return value;
    }
}
