using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElectionComms.Web.Data.Seed;

/// <summary>
/// Messages for the demo: a handful in every state through the domain methods (so the pages have something to show),
/// and at national scale 100,000 historical messages written set-based in SQL for the queue and history benchmark.
/// </summary>
public sealed class MessagesSeeder(AppDbContext db, TimeProvider clock)
{
    public const int NationalHistory = 100_000;

    public async Task SeedAsync(DemoScale scale, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var staff = await db.Staff.ToDictionaryAsync(s => s.Email, cancellationToken);
        var officer = staff[DemoAccounts.CommunicationOfficer.Email];
        var daz = staff[DemoAccounts.AdministrationDirector.Email];
        var groups = await db.Groups.Where(g => g.Officers.Any(o => o.StaffMemberId == officer.Id)).OrderBy(g => g.Name).ToListAsync(cancellationToken);
        if (groups.Count == 0)
        {
            return;
        }

        // A test group beside the live ones, so officers can rehearse with test messages.
        var account = await db.OfficialAccounts.SingleAsync(a => a.Id == groups[0].AccountId, cancellationToken);
        var testGroup = Group.Create(
            account, groups[0].ElectionId, GroupKind.Group, "KZAZ 1 – grup prove", groups[0].Level, groups[0].Scope, "-1009999000001", daz, isTestGroup: true, now.AddDays(-10));
        testGroup.AssignOfficer(officer, daz.Id, now.AddDays(-10));
        db.Groups.Add(testGroup);
        await db.SaveChangesAsync(cancellationToken);

        var directorateId = account.DirectorateId;
        TargetGroup Target(Group g) => new(g.Id, g.Name, directorateId, g.AdministratorId, g.IsTestGroup, true, true);
        var chain = new[] { daz.Id, staff[DemoAccounts.SecretaryGeneral.Email].Id };
        ApproverCandidate[] deciders = [new(daz, StaffRole.Director)];
        void Submit(Message message, Group group, string? justification, DateTimeOffset at) =>
            message.Submit(officer, justification, [Target(group)], chain, deciders, at);
        Message Draft(string text, Group group, int daysAgo, DateTimeOffset? sendAt = null, bool isTest = false)
        {
            var message = Message.Draft(officer, new MessageDraft(text, null, null, sendAt, isTest), [Target(group)], now.AddDays(-daysAgo));
            db.Messages.Add(message);
            return message;
        }

        Draft("Përkujtesë: *mbledhja e KZAZ-së* nesër në orën 10:00 në sallën e këshillit bashkiak.", groups[0], 0);

        var pending = Draft("Njoftim: afati për dorëzimin e listave të anëtarëve të KQV-ve është e premte, ora 16:00.", groups[Math.Min(1, groups.Count - 1)], 1, now.AddDays(2));
        Submit(pending, groups[Math.Min(1, groups.Count - 1)], null, now.AddHours(-5));

        var withPersonalData = Draft("Për pyetje për pagesat kontaktoni koordinatorin në 0692345678.", groups[^1], 1);
        Submit(withPersonalData, groups[^1], "Numri është linja zyrtare e koordinatorit, jo numër privat.", now.AddHours(-2));

        var returned = Draft("Trajnimi i komisionerëve zhvillohet të shtunën.", groups[0], 3);
        Submit(returned, groups[0], null, now.AddDays(-3));
        returned.RequestChanges(daz, StaffRole.Director, chain, [Target(groups[0])], returned.CurrentContentHash, "Shtoni orën dhe vendin e trajnimit.", now.AddDays(-2));

        var approved = Draft("Materialet zgjedhore shpërndahen nga magazina e KZAZ-së nga ora 08:00.", groups[0], 4);
        Submit(approved, groups[0], null, now.AddDays(-4));
        approved.Approve(daz, StaffRole.Director, chain, [Target(groups[0])], approved.CurrentContentHash, now.AddDays(-4), now.AddDays(-4));
        var queued = approved.Enqueue(now.AddDays(-4));
        db.PublishingQueue.Add(queued);
        db.Deliveries.AddRange(approved.DeliveriesOf(queued, new Dictionary<int, (Platform, string)> { [groups[0].Id] = (groups[0].Platform, groups[0].PlatformId) }, now.AddDays(-4)));

        var test = Draft("Provë e kanalit: ky mesazh shkon vetëm në grupin e provës.", testGroup, 0, isTest: true);
        Submit(test, testGroup, null, now.AddMinutes(-30));
        await db.SaveChangesAsync(cancellationToken);

        if (scale == DemoScale.National)
        {
            await SeedHistoryAsync(officer.Id, daz.Id, directorateId, groups.Select(g => g.Id).ToArray(), NationalHistory, now, cancellationToken);
        }
    }

    /// <summary>
    /// Historical messages for the benchmark, one statement per table. The hashes follow
    /// <see cref="MessageContent.CanonicalForm"/> exactly, so the rows are as valid as ones the pages write; the
    /// queue trigger checks every published message's approval as it would for any other.
    /// </summary>
    public async Task SeedHistoryAsync(Guid authorId, Guid approverId, int directorateId, int[] groupIds, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            CREATE TEMP TABLE seed_messages ON COMMIT DROP AS
            SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS version_id, gen_random_uuid() AS approval_id,
                   @now - make_interval(mins => n * 5) AS at,
                   (@groups)[1 + n % cardinality(@groups)] AS group_id,
                   CASE WHEN n % 50 = 0 THEN 'Submitted' WHEN n % 20 = 0 THEN 'Rejected' WHEN n % 33 = 0 THEN 'Withdrawn'
                        WHEN n % 37 = 0 THEN 'Expired' ELSE 'Published' END AS status,
                   format('Njoftim nr. %s: komisionerët konfirmojnë pjesëmarrjen në mbledhjen e radhës të KZAZ-së.', n) AS text
            FROM generate_series(1, @count) AS n;
            ALTER TABLE seed_messages ADD COLUMN hash char(64);
            UPDATE seed_messages SET hash = encode(sha256(convert_to(format(
                E'ec-message/1\nmode:live\nsend-at:-\ntargets:%s\nattachment:-\ntext-sq:%s:%s\ntext-en:-\n',
                group_id, octet_length(convert_to(text, 'UTF8')), text), 'UTF8')), 'hex');

            INSERT INTO messages (id, author_id, directorate_id, status, current_version_id, current_version_number, current_content_hash,
                                  is_test, send_at, created_at, updated_at, submitted_at, decided_by_id, decided_at, decision_reason)
            SELECT id, @author, @directorate, CASE status WHEN 'Published' THEN 'Queued' ELSE status END, version_id, 1, hash,
                   false, NULL, at, at + interval '1 hour', CASE WHEN status = 'Withdrawn' THEN NULL ELSE at + interval '10 minutes' END,
                   CASE WHEN status IN ('Published', 'Rejected') THEN @approver END,
                   CASE WHEN status IN ('Published', 'Rejected') THEN at + interval '1 hour' END,
                   CASE WHEN status = 'Rejected' THEN 'Teksti nuk është i qartë.' END
            FROM seed_messages;

            INSERT INTO message_versions (id, message_id, number, text_sq, text_en, attachment_id, attachment_sha256, send_at, is_test,
                                          content_hash, created_by_id, created_at, submitted_at, personal_data_justification)
            SELECT version_id, id, 1, text, NULL, NULL, NULL, NULL, false, hash, @author, at,
                   CASE WHEN status = 'Withdrawn' THEN NULL ELSE at + interval '10 minutes' END, NULL
            FROM seed_messages;

            INSERT INTO message_version_targets (version_id, group_id) SELECT version_id, group_id FROM seed_messages;

            INSERT INTO message_events (message_id, kind, actor_id, version_number, content_hash, reason, at)
            SELECT id, 'Drafted', @author, 1, hash, NULL, at FROM seed_messages
            UNION ALL SELECT id, 'Submitted', @author, 1, hash, NULL, at + interval '10 minutes' FROM seed_messages WHERE status <> 'Withdrawn'
            UNION ALL SELECT id, 'Withdrawn', @author, 1, hash, NULL, at + interval '1 hour' FROM seed_messages WHERE status = 'Withdrawn'
            UNION ALL SELECT id, 'Rejected', @approver, 1, hash, 'Teksti nuk është i qartë.', at + interval '1 hour' FROM seed_messages WHERE status = 'Rejected'
            UNION ALL SELECT id, 'Expired', NULL, 1, hash, NULL, at + interval '1 hour' FROM seed_messages WHERE status = 'Expired'
            UNION ALL SELECT id, 'Approved', @approver, 1, hash, NULL, at + interval '1 hour' FROM seed_messages WHERE status = 'Published'
            UNION ALL SELECT id, 'Queued', NULL, 1, hash, NULL, at + interval '1 hour' FROM seed_messages WHERE status = 'Published';

            INSERT INTO message_approvals (id, message_id, version_id, content_hash, approver_id, approved_at)
            SELECT approval_id, id, version_id, hash, @approver, at + interval '1 hour' FROM seed_messages WHERE status = 'Published';

            INSERT INTO publishing_queue (message_id, version_id, approval_id, content_hash, not_before, queued_at, status)
            SELECT id, version_id, approval_id, hash, at + interval '1 hour', at + interval '1 hour', 'Sent' FROM seed_messages WHERE status = 'Published';

            UPDATE messages m SET status = 'Published' FROM seed_messages s WHERE m.id = s.id AND s.status = 'Published';
            INSERT INTO message_events (message_id, kind, actor_id, version_number, content_hash, reason, at)
            SELECT id, 'Published', NULL, 1, hash, NULL, at + interval '2 hours' FROM seed_messages WHERE status = 'Published';
            """;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand(sql, connection, transaction))
            {
                command.CommandTimeout = 600;
                command.Parameters.AddWithValue("now", now);
                command.Parameters.AddWithValue("groups", groupIds);
                command.Parameters.AddWithValue("count", count);
                command.Parameters.AddWithValue("author", authorId);
                command.Parameters.AddWithValue("approver", approverId);
                command.Parameters.AddWithValue("directorate", directorateId);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
