using System.Globalization;
using System.IO.Compression;
using System.Text;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Invitations;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Invitations;

/// <summary>One printed invitation: the code and what is printed beside it.</summary>
public sealed record BatchItem(int GroupId, string GroupName, string? Unit, AdministrationLevel Level, string Code);

/// <summary>
/// Bulk invitations for printing (§5b): one group-wide invitation for every group of a level in a scope (all KQV
/// groups of one KZAZ, or all GNV groups nationally) that the clerk may issue for, is active and has a join link.
/// The invitations are saved in batches in one transaction that is committed only once the sheet or the ZIP has been
/// produced in full (<see cref="DeliverBatchBeforeCommitAttribute"/>, ADR 0019).
/// </summary>
public sealed class InvitationBatch(AppDbContext db, TimeProvider clock)
{
    public const int SaveBatchSize = 500;

    /// <summary>
    /// The most cards one A4 sheet holds. The sheet is one HTML page built in memory (about 3 KB a card); all KQV of
    /// the largest KZAZ fit many times over, a national selection belongs in the ZIP, which has no such limit.
    /// </summary>
    public const int SheetMaxCards = 1_000;

    public IQueryable<Group> Select(IQueryable<Group> issuable, AdministrationLevel level, int? kzazNumber)
    {
        var groups = issuable.Where(g => g.Level == level && g.Status == GroupStatus.Active
            && (g.UsesJoinRequests ? g.BotStartLink != null : g.JoinLink != null));
        if (kzazNumber is not { } number)
        {
            return groups;
        }

        var zones = db.Kzazs.Where(k => k.Number == number).Select(k => k.Id);
        return groups.Where(g =>
            (g.ScopeKind == ScopeKind.Kzaz && zones.Contains(g.ScopeTargetId!.Value))
            || (g.ScopeKind == ScopeKind.Unit && (
                (g.Level == AdministrationLevel.Kzaz && zones.Contains(g.ScopeTargetId!.Value))
                || (g.Level == AdministrationLevel.Kqv && db.VotingCentres.Any(v => v.Id == g.ScopeTargetId && zones.Contains(v.KzazId)))
                || (g.Level == AdministrationLevel.Gnv && db.CountingGroups.Any(c => c.Id == g.ScopeTargetId && zones.Contains(c.KzazId)))
                || (g.Level == AdministrationLevel.TechnicalStaff && db.TechnicalTeams.Any(t => t.Id == g.ScopeTargetId && t.KzazId != null && zones.Contains(t.KzazId.Value))))));
    }

    /// <summary>
    /// Creates one invitation per selected group, in the order of the groups' names, inside a transaction that the
    /// caller commits once the codes have been delivered (<see cref="PendingBatch"/>).
    /// </summary>
    public async Task<PendingBatch> IssueAsync(
        IQueryable<Group> selected, DateTimeOffset expiresAt, int maxUses, string? note, Guid by, CancellationToken cancellationToken)
    {
        var groups = await GroupRows.Project(db, selected.OrderBy(g => g.Name).ThenBy(g => g.Id))
            .Select(g => new { g.Id, g.Name, g.ScopeTarget, g.Level })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var items = new List<BatchItem>(groups.Count);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await SaveAsync(groups.Select(g => (g.Id, g.Name, g.ScopeTarget, g.Level)), expiresAt, maxUses, note, by, now, items, cancellationToken);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }

        return new PendingBatch(items, transaction);
    }

    private async Task SaveAsync(
        IEnumerable<(int Id, string Name, string? ScopeTarget, AdministrationLevel Level)> groups, DateTimeOffset expiresAt, int maxUses,
        string? note, Guid by, DateTimeOffset now, List<BatchItem> items, CancellationToken cancellationToken)
    {
        foreach (var chunk in groups.Chunk(SaveBatchSize))
        {
            foreach (var group in chunk)
            {
                var code = InvitationCodes.Create();
                db.Invitations.Add(Invitation.Create(new InvitationTarget(group.Id, true, true), null, false, code.Hash, expiresAt, maxUses, note, by, now));
                items.Add(new BatchItem(group.Id, group.Name, group.ScopeTarget, group.Level, code.Code));
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Streams a ZIP of print-size PNGs, one entry at a time: memory stays flat whatever the count. ZipArchive writes
    /// synchronously (entry headers, data descriptors, the central directory), which the server forbids on the
    /// response; it writes into <see cref="EntryBuffer"/> instead, which is sent asynchronously after each entry.
    /// </summary>
    public static async Task WriteZipAsync(Stream output, IEnumerable<BatchItem> items, InvitationImages images, CancellationToken cancellationToken)
    {
        await using var buffer = new EntryBuffer(output);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            var index = 0;
            foreach (var item in items)
            {
                index++;
                var png = images.PrintPng(item.Code, item.GroupName);

                // PNG is compressed already: storing it is faster than deflating it again and hardly larger.
                var entry = zip.CreateEntry(EntryName(index, item.GroupName), CompressionLevel.NoCompression);
                using (var stream = entry.Open())
                {
                    stream.Write(png);
                }

                await buffer.SendAsync(cancellationToken);
            }
        }

        await buffer.SendAsync(cancellationToken);
    }

    public static string EntryName(int index, string groupName)
    {
        var slug = new StringBuilder();
        foreach (var c in groupName.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-' && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString().Trim('-');
        return string.Create(CultureInfo.InvariantCulture, $"{index:00000}-{(name.Length > 60 ? name[..60] : name)}.png");
    }
}

/// <summary>The ZIP of a batch, written when the result runs: inside <see cref="DeliverBatchBeforeCommitAttribute"/>'s buffer.</summary>
public sealed class BatchZipResult(IReadOnlyList<BatchItem> items, InvitationImages images, string contentDisposition) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "application/zip";
        response.Headers.ContentDisposition = contentDisposition;
        await InvitationBatch.WriteZipAsync(response.Body, items, images, context.HttpContext.RequestAborted);
    }
}

/// <summary>
/// A write-only stream that collects synchronous writes in memory and sends them to the real stream on
/// <see cref="SendAsync"/>: one ZIP entry (a few kilobytes) at a time, never the whole archive.
/// </summary>
internal sealed class EntryBuffer(Stream output) : Stream
{
    private readonly MemoryStream pending = new();
    private long written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => written + pending.Length;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    public async Task SendAsync(CancellationToken cancellationToken)
    {
        if (pending.Length == 0)
        {
            return;
        }

        await output.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
        await output.FlushAsync(cancellationToken);
        written += pending.Length;
        pending.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => pending.Write(buffer);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pending.Dispose();
        }

        base.Dispose(disposing);
    }
}
