using ElectionComms.Domain.Channels;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// Stores an accepted update raw, once (issue 14 item 1): one statement inserts it unless (platform, account, key) is
/// already there, and notifies the processors on channel "platform_updates" with the commit. Nothing is parsed or
/// decided here, so the platform gets its 200 as soon as the row is safe.
/// </summary>
public sealed class Inbox(AppDbContext db, TimeProvider clock)
{
    public const string Channel = "platform_updates";

    private const string StoreSql = $"""
        WITH stored AS (
            INSERT INTO platform_updates (platform, account, key, kind, body, received_at, attempts)
            VALUES (@platform, @account, @key, @kind, @body, @now, 0)
            ON CONFLICT (platform, account, key) DO NOTHING
            RETURNING id)
        SELECT count(pg_notify('{Channel}', '')) FROM stored
        """;

    /// <returns>False when the same update was stored before (the platform delivered it again).</returns>
    public async Task<bool> StoreAsync(Platform platform, string account, string key, string kind, string body, CancellationToken cancellationToken)
    {
        var stored = await db.Database.SqlQueryRaw<long>(
                StoreSql,
                new NpgsqlParameter("platform", platform.ToString()),
                new NpgsqlParameter("account", account),
                new NpgsqlParameter("key", key),
                new NpgsqlParameter("kind", kind),
                new NpgsqlParameter("body", body),
                new NpgsqlParameter("now", clock.GetUtcNow()))
            .ToListAsync(cancellationToken);
        return stored[0] > 0;
    }
}
