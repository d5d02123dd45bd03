using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Publishing;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElectionComms.Web.Features.Publishing;

/// <summary>
/// Sends what is due, one delivery at a time, safely beside any number of other dispatchers on the same database
/// (§7, ADR 0024). A claim is one statement (<see cref="ClaimSql"/>): it takes a due queued delivery with
/// <c>FOR UPDATE SKIP LOCKED</c>, marks it Sending with this dispatcher's name and a lease, and commits — the intent
/// is on record before the platform is called. After the call the outcome is saved. A claim whose lease ran out
/// (its dispatcher died mid-call) becomes Uncertain and is never sent again without a person deciding. Just before
/// the call the content hash is computed again from the stored version and compared with the approval: a mismatch
/// is never sent and is logged as an alert.
/// </summary>
public sealed partial class DeliveryDispatcher(
    AppDbContext db,
    IEnumerable<IPlatformConnector> connectors,
    IOptions<PublishingOptions> options,
    TimeProvider clock,
    ILogger<DeliveryDispatcher> logger)
{
    /// <summary>Queued → Sending, the only way a delivery starts; <c>@now</c> keeps the dispatcher's clock, not the server's.</summary>
    internal const string ClaimSql = """
        UPDATE deliveries d
        SET status = 'Sending', claimed_by = @worker, claimed_until = @until, attempts = d.attempts + 1, updated_at = @now
        WHERE d.id = (
            SELECT q.id FROM deliveries q
            WHERE q.status = 'Queued' AND q.not_before <= @now
            ORDER BY q.not_before, q.id
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
        RETURNING d.id
        """;

    /// <summary>Runs until nothing is due. Returns how many deliveries were attempted.</summary>
    public async Task<int> RunOnceAsync(string worker, CancellationToken cancellationToken)
    {
        await MarkLostClaimsUncertainAsync(cancellationToken);
        var attempted = 0;
        while (!cancellationToken.IsCancellationRequested && await ClaimAsync(worker, cancellationToken) is { } id)
        {
            await SendAsync(id, cancellationToken);
            attempted++;
        }

        return attempted;
    }

    /// <summary>When the next queued delivery is due, for the idle wait; null when none is queued.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        await db.Deliveries.Where(d => d.Status == DeliveryStatus.Queued).MinAsync(d => (DateTimeOffset?)d.NotBefore, cancellationToken);

    private async Task<long?> ClaimAsync(string worker, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var claimed = await db.Database
            .SqlQueryRaw<long>(ClaimSql, Parameter("worker", worker), Parameter("until", until), Parameter("now", now))
            .ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    private async Task SendAsync(long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id, cancellationToken);
        var version = await db.MessageVersions.AsNoTracking().Include(v => v.Targets).SingleAsync(v => v.Id == delivery.VersionId, cancellationToken);
        var work = await (from g in db.Groups
                          join a in db.OfficialAccounts on g.AccountId equals a.Id
                          where g.Id == delivery.GroupId
                          select new
                          {
                              g.PlatformId,
                              a.Handle,
                              ApprovedHash = db.MessageApprovals.Where(ap => ap.Id == delivery.ApprovalId).Select(ap => ap.ContentHash).Single(),
                          })
            .SingleAsync(cancellationToken);

        // The bytes about to leave are the bytes that were approved, or nothing leaves.
        var hash = version.Content.Hash();
        if (hash != delivery.ContentHash || hash != work.ApprovedHash)
        {
            LogContentMismatch(delivery.Id, delivery.MessageId, delivery.ContentHash, hash);
            delivery.Fail("The stored content no longer matches the approved content hash; nothing was sent.", clock.GetUtcNow());
            await SaveOutcomeAsync(delivery, cancellationToken);
            return;
        }

        var result = ConnectorFor(delivery.Platform) is { } connector
            ? await connector.SendAsync(new Outgoing(delivery.Id, delivery.Platform, work.Handle, work.PlatformId, version.TextSq), cancellationToken)
            : new SendResult.Failed($"No connector sends to {delivery.Platform}; post it by hand.");
        var now = clock.GetUtcNow();
        switch (result)
        {
            case SendResult.Sent sent:
                delivery.MarkSent(sent.PlatformMessageId, now);
                break;
            case SendResult.Retry retry when delivery.Attempts < options.Value.MaxAttempts:
                delivery.RetryAt(now + (retry.After ?? Backoff(delivery.Attempts)), retry.Reason, now);
                break;
            case SendResult.Retry retry:
                delivery.Fail(retry.Reason, now);
                break;
            case SendResult.Failed failed:
                delivery.Fail(failed.Reason, now);
                break;
        }

        LogOutcome(delivery.Id, delivery.GroupId, delivery.Status, delivery.Reason);
        await SaveOutcomeAsync(delivery, cancellationToken);
    }

    private IPlatformConnector? ConnectorFor(Platform platform) => connectors.FirstOrDefault(c => c.Platform == platform);

    /// <summary>Exponential backoff with full jitter, so retries of many groups do not arrive together.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var ceiling = options.Value.RetryBaseSeconds * Math.Pow(2, Math.Min(attempts - 1, 10));
        return TimeSpan.FromSeconds(Math.Max(1, Random.Shared.NextDouble() * ceiling));
    }

    private Task SaveOutcomeAsync(Delivery delivery, CancellationToken cancellationToken) =>
        Common.DeliveryOutcomes.SaveAsync(db, delivery.MessageId, clock.GetUtcNow(), cancellationToken);

    private async Task MarkLostClaimsUncertainAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lost = await db.Deliveries.Where(d => d.Status == DeliveryStatus.Sending && d.ClaimedUntil < now).ToListAsync(cancellationToken);
        foreach (var delivery in lost)
        {
            LogUncertain(delivery.Id, delivery.GroupId, delivery.ClaimedBy);
            delivery.MarkUncertain(now);
            await SaveOutcomeAsync(delivery, cancellationToken);
        }
    }

    private static Npgsql.NpgsqlParameter Parameter(string name, object value) => new(name, value);

    [LoggerMessage(Level = LogLevel.Critical, Message = "ALERT delivery {DeliveryId} of message {MessageId}: approved hash {Approved} but stored content hashes to {Actual}; not sent")]
    private partial void LogContentMismatch(long deliveryId, Guid messageId, string approved, string actual);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} to group {GroupId}: {Status} {Reason}")]
    private partial void LogOutcome(long deliveryId, int groupId, DeliveryStatus status, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} to group {GroupId} was being sent by {Worker}, which stopped: uncertain, waits for a person")]
    private partial void LogUncertain(long deliveryId, int groupId, string? worker);
}
