using System.Security.Cryptography;
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
    Common.AcknowledgementCodes acknowledgements,
    IOptions<PublishingOptions> options,
    TimeProvider clock,
    ILogger<DeliveryDispatcher> logger)
{
    /// <summary>
    /// Queued → Sending, the only way a delivery starts; <c>@now</c> keeps the dispatcher's clock for send times.
    /// A group takes one message per <c>@group_spacing</c> across every dispatcher: a group whose slot is taken is
    /// passed over, and the slot is reserved in the same statement, so two dispatchers that pick two deliveries to one
    /// group at once cannot both start (the second upsert waits for the first and then finds the slot taken). One row
    /// with <c>claimed = false</c> means such a lost race: look again.
    /// </summary>
    internal const string ClaimSql = """
        WITH candidate AS (
            SELECT q.id, q.group_id FROM deliveries q
            WHERE q.status = 'Queued' AND q.method = 'Api' AND q.not_before <= @now
              AND NOT EXISTS (SELECT 1 FROM pacing_slots p WHERE p.key = 'group:' || q.group_id AND p.next_at > clock_timestamp())
            ORDER BY q.not_before, q.id
            LIMIT 1
            FOR UPDATE OF q SKIP LOCKED),
        slot AS (
            INSERT INTO pacing_slots (key, next_at)
            SELECT 'group:' || c.group_id, clock_timestamp() + make_interval(secs => @group_spacing) FROM candidate c
            ON CONFLICT (key) DO UPDATE SET next_at = EXCLUDED.next_at WHERE pacing_slots.next_at <= clock_timestamp()
            RETURNING key),
        claimed AS (
            UPDATE deliveries d
            SET status = 'Sending', claimed_by = @worker, claimed_until = @until, attempts = d.attempts + 1, updated_at = @now
            FROM candidate c
            WHERE d.id = c.id AND EXISTS (SELECT 1 FROM slot)
            RETURNING d.id)
        SELECT c.id AS "Id", EXISTS (SELECT 1 FROM claimed) AS "Claimed" FROM candidate c
        """;

    /// <summary>
    /// The start of this sender's next free slot, reserved: each reservation moves the sender's next free time on by
    /// one interval, on the database's clock, so any number of dispatchers on any machines share one pace.
    /// Returns how long to wait before sending, in seconds (zero or less: now).
    /// </summary>
    internal const string SenderSlotSql = """
        INSERT INTO pacing_slots AS p (key, next_at) VALUES (@key, clock_timestamp() + make_interval(secs => @interval))
        ON CONFLICT (key) DO UPDATE SET next_at = GREATEST(p.next_at, clock_timestamp()) + make_interval(secs => @interval)
        RETURNING EXTRACT(EPOCH FROM (p.next_at - make_interval(secs => @interval) - clock_timestamp()))::float8 AS "Value"
        """;

    /// <summary>
    /// A recalled delivery to delete, taken like a send. A claim whose dispatcher died is taken again when its lease
    /// runs out: deleting twice is harmless (the second finds nothing and counts as deleted).
    /// </summary>
    internal const string ClaimRecallSql = """
        UPDATE deliveries d
        SET claimed_by = @worker, claimed_until = @until, attempts = d.attempts + 1, updated_at = @now
        WHERE d.id = (
            SELECT q.id FROM deliveries q
            WHERE q.status = 'Recalling' AND q.method = 'Api' AND q.not_before <= @now AND (q.claimed_until IS NULL OR q.claimed_until < @now)
            ORDER BY q.not_before, q.id
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
        RETURNING d.id AS "Value"
        """;

    private static readonly TimeSpan VerifiedFor = TimeSpan.FromSeconds(10);

    private readonly Dictionary<Guid, (Verified Version, DateTimeOffset At)> verified = [];

    private sealed record Claim(long Id, bool Claimed);

    private sealed record Verified(string Hash, string Text, OutgoingAttachment? Attachment, bool AsksAcknowledgement);

    /// <summary>Runs until nothing is due. Returns how many deliveries were attempted.</summary>
    public async Task<int> RunOnceAsync(string worker, CancellationToken cancellationToken)
    {
        await MarkLostClaimsUncertainAsync(cancellationToken);
        await Common.DeliveryOutcomes.SettleForgottenAsync(db, clock.GetUtcNow(), cancellationToken);
        var attempted = 0;

        // A recall comes first: taking an official message back is more urgent than sending the next.
        while (!cancellationToken.IsCancellationRequested && await ClaimRecallAsync(worker, cancellationToken) is { } recall)
        {
            await RecallAsync(recall, cancellationToken);
            attempted++;
        }

        var lostRaces = 0;
        while (!cancellationToken.IsCancellationRequested && await ClaimAsync(worker, cancellationToken) is { } claim)
        {
            if (!claim.Claimed)
            {
                // Another dispatcher took this group's slot in the same instant; the next look passes it over.
                if (++lostRaces > 100)
                {
                    break;
                }

                continue;
            }

            await SendAsync(claim.Id, cancellationToken);
            attempted++;
        }

        return attempted;
    }

    /// <summary>When the next queued delivery is due, for the idle wait; null when none is queued.</summary>
    /// <remarks>A delivery whose group's slot is taken is due when the slot frees, not at its own time: no busy wait.</remarks>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<DateTimeOffset?>("""
            SELECT min(GREATEST(d.not_before, p.next_at)) AS "Value"
            FROM deliveries d LEFT JOIN pacing_slots p ON p.key = 'group:' || d.group_id
            WHERE d.status IN ('Queued', 'Recalling') AND d.method = 'Api'
            """).ToListAsync(cancellationToken)).SingleOrDefault();

    private async Task<long?> ClaimRecallAsync(string worker, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Database
            .SqlQueryRaw<long>(ClaimRecallSql, Parameter("worker", worker), Parameter("until", now.AddSeconds(options.Value.LeaseSeconds)), Parameter("now", now))
            .ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    /// <summary>Asks the platform to delete the posted message (<c>deleteMessage</c>); records what it answered.</summary>
    private async Task RecallAsync(long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id, cancellationToken);
        var target = await (from g in db.Groups
                            join a in db.OfficialAccounts on g.AccountId equals a.Id
                            where g.Id == delivery.GroupId
                            select new { g.PlatformId, a.Handle })
            .SingleAsync(cancellationToken);
        await WaitForBotSlotAsync(delivery.Platform, target.Handle, cancellationToken);
        var result = ConnectorFor(delivery.Platform) is { } connector && delivery.PlatformMessageId is { } posted
            ? await connector.RecallAsync(target.Handle, target.PlatformId, posted, cancellationToken)
            : new RecallResult.NotPossible($"No connector can delete messages on {delivery.Platform}.");
        var now = clock.GetUtcNow();
        switch (result)
        {
            case RecallResult.Recalled:
                delivery.Recalled(null, now);
                break;
            case RecallResult.Failed failed when delivery.Attempts < options.Value.MaxAttempts:
                delivery.RecallRetryAt(now + Backoff(delivery.Attempts), failed.Reason, now);
                break;
            case RecallResult.Failed failed:
                delivery.RecallRefused(failed.Reason, now);
                break;
            case RecallResult.NotPossible refused:
                delivery.RecallRefused(refused.Reason, now);
                break;
        }

        LogOutcome(delivery.Id, delivery.GroupId, delivery.Status, delivery.Reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Claim?> ClaimAsync(string worker, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var perMinute = options.Value.MessagesPerMinutePerGroup;
        var spacing = perMinute > 0 ? 60.0 / perMinute : 0.0;
        var claimed = await db.Database
            .SqlQueryRaw<Claim>(ClaimSql, Parameter("worker", worker), Parameter("until", until), Parameter("now", now), Parameter("group_spacing", spacing))
            .ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    private async Task SendAsync(long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();

        // The delivery (tracked, for its outcome) with its group, account and approval: one statement.
        var work = await (from d in db.Deliveries
                          join g in db.Groups on d.GroupId equals g.Id
                          join a in db.OfficialAccounts on g.AccountId equals a.Id
                          where d.Id == id
                          select new
                          {
                              Delivery = d,
                              g.PlatformId,
                              a.Handle,
                              HasProblem = g.DeliveryProblem != null,
                              ApprovedHash = db.MessageApprovals.Where(ap => ap.Id == d.ApprovalId).Select(ap => ap.ContentHash).Single(),
                          })
            .SingleAsync(cancellationToken);
        var delivery = work.Delivery;
        var version = await VerifiedVersionAsync(delivery.VersionId, cancellationToken);

        // The bytes about to leave are the bytes that were approved, or nothing leaves.
        var (hash, text, attachment, asksAcknowledgement) = version;
        if (hash != delivery.ContentHash || hash != work.ApprovedHash)
        {
            LogContentMismatch(delivery.Id, delivery.MessageId, delivery.ContentHash, hash);
            delivery.Fail("The stored content no longer matches the approved content hash; nothing was sent.", clock.GetUtcNow());
            await SaveOutcomeAsync(delivery, cancellationToken);
            return;
        }

        await WaitForBotSlotAsync(delivery.Platform, work.Handle, cancellationToken);
        var result = ConnectorFor(delivery.Platform) is { } connector
            ? await connector.SendAsync(new Outgoing(delivery.Id, delivery.Platform, work.Handle, work.PlatformId, text, attachment, asksAcknowledgement ? acknowledgements.For(delivery.Id) : null), cancellationToken)
            : new SendResult.Failed($"No connector sends to {delivery.Platform}; post it by hand.");
        await StampGroupSlotAsync(delivery.GroupId, cancellationToken);
        var now = clock.GetUtcNow();
        switch (result)
        {
            case SendResult.Sent sent:
                delivery.MarkSent(sent.PlatformMessageId, now);
                if (work.HasProblem)
                {
                    (await db.Groups.SingleAsync(g => g.Id == delivery.GroupId, cancellationToken)).ClearDeliveryProblem();
                }

                break;
            case SendResult.Retry retry when delivery.Attempts < options.Value.MaxAttempts:
                delivery.RetryAt(now + (retry.After ?? Backoff(delivery.Attempts)), retry.Reason, now);
                break;
            case SendResult.Retry retry:
                delivery.Fail(retry.Reason, now);
                break;
            case SendResult.Failed failed:
                delivery.Fail(failed.Reason, now);
                if (failed.GroupProblem)
                {
                    // The inventory's problem list (§4–§6): the group cannot be reached until someone fixes it.
                    (await db.Groups.SingleAsync(g => g.Id == delivery.GroupId, cancellationToken)).ReportDeliveryProblem(failed.Reason, now);
                }

                break;
        }

        LogOutcome(delivery.Id, delivery.GroupId, delivery.Status, delivery.Reason);
        await SaveOutcomeAsync(delivery, cancellationToken);
    }

    /// <summary>
    /// The version as stored, hashed again: the text and settings through the version's content hash, the file
    /// through its own SHA-256, which that hash covers (a file that no longer matches yields a hash that cannot match
    /// the approval). One fan-out sends one version to thousands of groups, and the version with its targets is read
    /// and hashed again at most every <see cref="VerifiedFor"/> by each worker, not once per group; versions cannot
    /// change in the database anyway (trigger <c>message_versions_immutable</c>), this is the second line.
    /// </summary>
    private async Task<Verified> VerifiedVersionAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (verified.TryGetValue(versionId, out var cached) && now - cached.At < VerifiedFor)
        {
            return cached.Version;
        }

        var version = await db.MessageVersions.AsNoTracking().Include(v => v.Targets).SingleAsync(v => v.Id == versionId, cancellationToken);
        var attachment = version.AttachmentId is { } attachmentId
            ? await db.MessageAttachments.AsNoTracking().Where(a => a.Id == attachmentId)
                .Select(a => new OutgoingAttachment(a.FileName, a.Kind, a.Content)).SingleAsync(cancellationToken)
            : null;
        var fileHash = attachment is null ? null : Convert.ToHexStringLower(SHA256.HashData(attachment.Content));
        var hash = fileHash == version.AttachmentSha256 ? version.Content.Hash() : "file-changed:" + fileHash;
        var result = new Verified(hash, version.Content.PublishedText, attachment, version.AsksAcknowledgement);
        verified[versionId] = (result, now);
        return result;
    }

    /// <summary>
    /// The group's slot was reserved at the claim; it is stamped again when the platform has answered, so the next
    /// message to the group starts at least one spacing after this one arrived, however long this send was held
    /// back after its claim (by the sender's pace, a slow connection) or took.
    /// </summary>
    private async Task StampGroupSlotAsync(int groupId, CancellationToken cancellationToken)
    {
        var perMinute = options.Value.MessagesPerMinutePerGroup;
        if (perMinute > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE pacing_slots SET next_at = GREATEST(next_at, clock_timestamp() + make_interval(secs => @spacing)) WHERE key = @key",
                [Parameter("spacing", 60.0 / perMinute), Parameter("key", $"group:{groupId}")],
                cancellationToken);
        }
    }

    /// <summary>Per bot or business number: Telegram's 30/s (up to 1,000/s with paid broadcast), WhatsApp's configured rate.</summary>
    private async Task WaitForBotSlotAsync(Platform platform, string handle, CancellationToken cancellationToken)
    {
        var perSecond = platform switch
        {
            Platform.Telegram => options.Value.Telegram.MessagesPerSecondPerBot,
            Platform.WhatsApp => options.Value.WhatsApp.MessagesPerSecond,
            _ => 0,
        };
        if (perSecond <= 0)
        {
            return;
        }

        var key = $"bot:{platform}:{handle.TrimStart('@', '+')}";
        var wait = await db.Database
            .SqlQueryRaw<double>(SenderSlotSql, Parameter("key", key), Parameter("interval", 1.0 / perSecond))
            .ToListAsync(cancellationToken);
        if (wait[0] > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(wait[0]), cancellationToken);
        }
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
            var worker = delivery.ClaimedBy;
            delivery.MarkUncertain(now);
            try
            {
                await SaveOutcomeAsync(delivery, cancellationToken);
                LogUncertain(delivery.Id, delivery.GroupId, worker);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another dispatcher's sweep got there first.
                db.ChangeTracker.Clear();
            }
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
