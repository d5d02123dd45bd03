using ElectionComms.Domain.Messages;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static ElectionComms.Web.Tests.Features.Messages.MessageScenario;

namespace ElectionComms.Web.Tests.Features.Messages;

/// <summary>
/// §7 in the database itself: rows written by hand (a bug, a crafted request, a console) cannot put unapproved
/// content in the publishing queue, forge an approval, or change an approved version.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PublishingQueueGuardTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<PostgresException> RefusedAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }

    private Task<(Guid MessageId, Guid VersionId, string Hash)> CurrentAsync(Guid id) => portal.WithDbAsync(db =>
        db.Messages.Where(m => m.Id == id).Select(m => new ValueTuple<Guid, Guid, string>(m.Id, m.CurrentVersionId, m.CurrentContentHash)).SingleAsync());

    private Task<Guid> StaffIdAsync(DemoAccount account) => portal.WithDbAsync(db => db.Staff.Where(s => s.Email == account.Email).Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task Queue_row_for_a_submitted_but_unapproved_message_is_refused()
    {
        var (messageId, versionId, hash) = await CurrentAsync(await SubmittedAsync(portal));

        var refused = await RefusedAsync(
            "INSERT INTO publishing_queue (message_id, version_id, approval_id, content_hash, not_before, queued_at, status) VALUES (@m, @v, @a, @h, now(), now(), 'Pending')",
            ("m", messageId), ("v", versionId), ("a", Guid.NewGuid()), ("h", hash));

        Assert.Equal("publishing_queue_requires_approval", refused.ConstraintName);
        Assert.Equal(0, await portal.WithDbAsync(db => db.PublishingQueue.CountAsync()));
    }

    [Fact]
    public async Task Queue_row_naming_an_approval_of_an_earlier_version_is_refused()
    {
        var id = await ApprovedThenEditedAsync();
        var (messageId, versionId, hash) = await CurrentAsync(id);
        var old = await portal.WithDbAsync(db => db.MessageApprovals.Where(a => a.MessageId == id).Select(a => new { a.Id, a.VersionId, a.ContentHash }).SingleAsync());

        var current = await RefusedAsync(
            "INSERT INTO publishing_queue (message_id, version_id, approval_id, content_hash, not_before, queued_at, status) VALUES (@m, @v, @a, @h, now(), now(), 'Pending')",
            ("m", messageId), ("v", versionId), ("a", old.Id), ("h", hash));
        var earlier = await RefusedAsync(
            "INSERT INTO publishing_queue (message_id, version_id, approval_id, content_hash, not_before, queued_at, status) VALUES (@m, @v, @a, @h, now(), now(), 'Pending')",
            ("m", messageId), ("v", old.VersionId), ("a", old.Id), ("h", old.ContentHash));

        Assert.Equal("publishing_queue_requires_approval", current.ConstraintName);
        Assert.Equal("publishing_queue_requires_approval", earlier.ConstraintName);
    }

    [Fact]
    public async Task Forged_approval_with_another_hash_or_by_the_author_is_refused()
    {
        var (messageId, versionId, hash) = await CurrentAsync(await SubmittedAsync(portal));
        var officer = await StaffIdAsync(DemoAccounts.CommunicationOfficer);
        var director = await StaffIdAsync(DemoAccounts.AdministrationDirector);
        const string insert = "INSERT INTO message_approvals (id, message_id, version_id, content_hash, approver_id, approved_at) VALUES (@id, @m, @v, @h, @by, now())";

        var byAuthor = await RefusedAsync(insert, ("id", Guid.NewGuid()), ("m", messageId), ("v", versionId), ("h", hash), ("by", officer));
        var otherHash = await RefusedAsync(insert, ("id", Guid.NewGuid()), ("m", messageId), ("v", versionId), ("h", new string('0', 64)), ("by", director));

        Assert.Equal("message_approvals_match_version", byAuthor.ConstraintName);
        Assert.Equal("message_approvals_match_version", otherHash.ConstraintName);
    }

    [Fact]
    public async Task Approved_version_text_cannot_be_changed_in_place_and_approvals_cannot_be_deleted()
    {
        var id = await ApprovedThenEditedAsync();
        var (_, versionId, _) = await CurrentAsync(id);

        var update = await RefusedAsync("UPDATE message_versions SET text_sq = 'Tekst i ndryshuar fshehurazi' WHERE id = @v", ("v", versionId));
        var delete = await RefusedAsync("DELETE FROM message_approvals WHERE message_id = @m", ("m", id));

        Assert.Equal("message_versions_immutable", update.ConstraintName);
        Assert.Equal(PostgresErrorCodes.CheckViolation, delete.SqlState);
    }

    [Fact]
    public async Task Approval_through_the_domain_passes_the_database_guard()
    {
        var id = await SubmittedAsync(portal);
        await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var message = await db.Messages.Include(m => m.Versions).ThenInclude(v => v.Targets).Include(m => m.Approvals).SingleAsync(m => m.Id == id);
            var director = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
            var access = services.GetRequiredService<ElectionComms.Web.Features.Messages.MessageAccess>();
            var now = DateTimeOffset.UtcNow;
            message.Approve(director, "Director", await access.ChainAsync(message.AuthorId), await access.TargetsAsync(message.AuthorId, message.CurrentVersion.Targets.Select(t => t.GroupId)), message.CurrentContentHash, now, now);
            db.PublishingQueue.Add(message.Enqueue(now));
            await db.SaveChangesAsync();
        });

        Assert.Equal(MessageStatus.Queued, await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    /// <summary>A message approved at version 1 (through the domain, not queued), then edited by its author to version 2.</summary>
    private async Task<Guid> ApprovedThenEditedAsync()
    {
        var id = await SubmittedAsync(portal);
        await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var access = services.GetRequiredService<ElectionComms.Web.Features.Messages.MessageAccess>();
            var message = (await access.LoadAsync(id))!;
            var director = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
            var officer = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.CommunicationOfficer.Email);
            var targets = await access.TargetsAsync(officer.Id, message.CurrentVersion.Targets.Select(t => t.GroupId));
            var now = DateTimeOffset.UtcNow;
            message.Approve(director, "Director", await access.ChainAsync(officer.Id), targets, message.CurrentContentHash, now, now);
            await db.SaveChangesAsync();
            message.Edit(officer, new MessageDraft("Version 2, i pamiratuar.", null, null, null, false), targets, now);
            await db.SaveChangesAsync();
        });
        return id;
    }
}
