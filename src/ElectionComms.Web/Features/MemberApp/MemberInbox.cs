using ElectionComms.Domain.Messages;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.MemberApp;

/// <summary>
/// What one member may read in the app (issue 20 item 6): their own inbox only, never another person's, and nothing
/// from a group a clerk removed them from (§11). Every query starts from the member's person id.
/// </summary>
public sealed class MemberInbox(AppDbContext db, Microsoft.Extensions.Options.IOptions<MemberAppOptions> options, TimeProvider clock)
{
    public const int PageSize = 20;
    public const int ExcerptLength = 160;

    public sealed record Row(long Id, string GroupName, string TextSq, DateTimeOffset ArrivedAt, DateTimeOffset? ReadAt, DateTimeOffset? RecalledAt, bool AsksAcknowledgement, bool Confirmed)
    {
        public string Excerpt => MessageMarkup.Parse(TextSq) is var tokens
            ? Cut(string.Concat(tokens.Select(t => t.Kind switch { MarkupTokenKind.Text or MarkupTokenKind.Link => t.Text, MarkupTokenKind.LineBreak => " ", _ => string.Empty })))
            : string.Empty;

        private static string Cut(string text) => text.Length <= ExcerptLength ? text : text[..(ExcerptLength - 1)] + "…";
    }

    public sealed record Item(long Id, long DeliveryId, Guid MessageId, int GroupId, string GroupName, string TextSq, string? TextEn,
        bool AsksAcknowledgement, DateTimeOffset ArrivedAt, DateTimeOffset? RecalledAt, bool Confirmed);

    public Task<Paged<Row>> PageAsync(AppMember member, int pageNumber, CancellationToken cancellationToken) =>
        Paged<Row>.ReadAsync(
            from i in Visible(member)
            join v in db.MessageVersions on i.VersionId equals v.Id
            join g in db.Groups on i.GroupId equals g.Id
            orderby i.Id descending
            select new Row(i.Id, g.Name, v.TextSq, i.ArrivedAt, i.ReadAt, i.RecalledAt, v.AsksAcknowledgement,
                db.Acknowledgements.Any(a => a.MessageId == i.MessageId && a.PersonId == member.PersonId)),
            pageNumber, PageSize, cancellationToken);

    /// <summary>One item of the member's own inbox, marked read; null for anyone else's (the page answers 404).</summary>
    public async Task<Item?> OpenAsync(AppMember member, long id, CancellationToken cancellationToken)
    {
        var item = await (from i in Visible(member)
                          where i.Id == id
                          join v in db.MessageVersions on i.VersionId equals v.Id
                          join g in db.Groups on i.GroupId equals g.Id
                          select new Item(i.Id, i.DeliveryId, i.MessageId, i.GroupId, g.Name, v.TextSq, v.TextEn, v.AsksAcknowledgement, i.ArrivedAt, i.RecalledAt,
                              db.Acknowledgements.Any(a => a.MessageId == i.MessageId && a.PersonId == member.PersonId)))
            .SingleOrDefaultAsync(cancellationToken);
        if (item is not null)
        {
            // A read receipt is no record of §12: written without the audit trail, once.
            var now = clock.GetUtcNow();
            await db.AppInbox.Where(i => i.Id == id && i.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(i => i.ReadAt, now), cancellationToken);
        }

        return item;
    }

    /// <summary>
    /// "Konfirmo" (issue 20 item 4): counted once per message and person, in the same table as Telegram's button, so
    /// the message's report shows it; a recalled message, or one that asks nothing, cannot be confirmed.
    /// </summary>
    /// <returns>False when there was nothing to confirm (already confirmed, recalled, not asked).</returns>
    public async Task<bool> ConfirmAsync(AppMember member, long id, CancellationToken cancellationToken)
    {
        var item = await OpenAsync(member, id, cancellationToken);
        if (item is null || !item.AsksAcknowledgement || item.RecalledAt is not null || item.Confirmed)
        {
            return false;
        }

        db.Acknowledgements.Add(Acknowledgement.Record(item.MessageId, item.DeliveryId, item.GroupId, member.PersonId, "app:" + member.DeviceId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The member's other device confirmed it in the same moment.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The device's push subscription, replacing an earlier one; announced from the newest item on.</summary>
    /// <returns>False for an endpoint or keys the browser could not have given.</returns>
    public async Task<bool> SubscribeAsync(AppMember member, string? endpoint, string? p256dh, string? auth, CancellationToken cancellationToken)
    {
        Domain.MemberApp.AppPushSubscription subscription;
        try
        {
            var newest = await db.AppInbox.Where(i => i.PersonId == member.PersonId).MaxAsync(i => (long?)i.Id, cancellationToken) ?? 0;
            subscription = Domain.MemberApp.AppPushSubscription.Create(member.DeviceId, endpoint, p256dh, auth, newest, clock.GetUtcNow(), options.Value.AllowLoopbackPush);
        }
        catch (Domain.Common.DomainException)
        {
            return false;
        }

        // app.js sends the browser's subscription on every visit: the same one again changes nothing.
        if (await db.AppPushSubscriptions.AnyAsync(s => s.DeviceId == member.DeviceId && s.Endpoint == subscription.Endpoint && s.P256dh == subscription.P256dh && s.Auth == subscription.Auth, cancellationToken))
        {
            return true;
        }

        await db.AppPushSubscriptions.Where(s => s.DeviceId == member.DeviceId).ExecuteDeleteAsync(cancellationToken);
        db.AppPushSubscriptions.Add(subscription);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // The same device subscribed from another tab in the same moment: one subscription stands, as asked.
            db.ChangeTracker.Clear();
        }

        return true;
    }

    /// <summary>
    /// The member's rows, each marked recalled when its delivery was recalled or its message was (a recall that found the
    /// delivery uncertain or already confirmed by hand marks no rows of its own; the message's status still says it).
    /// </summary>
    private IQueryable<VisibleItem> Visible(AppMember member) =>
        from i in db.AppInbox.AsNoTracking()
        where i.PersonId == member.PersonId
            && !db.GroupMemberships.Any(m => m.GroupId == i.GroupId && m.PersonId == member.PersonId && m.Status == MembershipStatus.Removed)
        join message in db.Messages on i.MessageId equals message.Id
        select new VisibleItem
        {
            Id = i.Id,
            DeliveryId = i.DeliveryId,
            MessageId = i.MessageId,
            VersionId = i.VersionId,
            GroupId = i.GroupId,
            ArrivedAt = i.ArrivedAt,
            ReadAt = i.ReadAt,
            RecalledAt = i.RecalledAt ?? (message.Status == MessageStatus.Recalled ? message.UpdatedAt : null),
        };

    private sealed class VisibleItem
    {
        public long Id { get; init; }

        public long DeliveryId { get; init; }

        public Guid MessageId { get; init; }

        public Guid VersionId { get; init; }

        public int GroupId { get; init; }

        public DateTimeOffset ArrivedAt { get; init; }

        public DateTimeOffset? ReadAt { get; init; }

        public DateTimeOffset? RecalledAt { get; init; }
    }
}
