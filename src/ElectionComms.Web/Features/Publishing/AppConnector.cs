using System.Globalization;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElectionComms.Web.Features.Publishing;

/// <summary>
/// The KQZ's own app (§4 b, issue 20) as one more connector: "sending" a delivery to an app group writes the message
/// into the inbox of every person eligible for the group today and not removed from it (the invitation page's rule in
/// SQL, <see cref="EligibilityQuery.Eligible"/>), in one statement, once per delivery and person — a delivery sent
/// again after a lost outcome adds nothing. The platform's message id is the delivery's own id; a recall marks every
/// copy, and the app shows a note in its place.
/// </summary>
public sealed class AppConnector(AppDbContext db, EligibilityQuery eligibility, TimeProvider clock) : IPlatformConnector
{
    private const string InsertSql = """
        INSERT INTO app_inbox (person_id, delivery_id, message_id, version_id, group_id, arrived_at)
        SELECT person, @delivery, @message, @version, @group, @now FROM unnest(@people) AS person
        ON CONFLICT (delivery_id, person_id) DO NOTHING
        """;

    public Platform Platform => Platform.KqzApp;

    public async Task<SendResult> SendAsync(Outgoing outgoing, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.AsNoTracking().Where(d => d.Id == outgoing.DeliveryId)
            .Select(d => new { d.MessageId, d.VersionId, d.GroupId }).SingleAsync(cancellationToken);
        if (await eligibility.TargetAsync(delivery.GroupId, cancellationToken) is not { } target)
        {
            return new SendResult.Failed("The group no longer exists.", GroupProblem: true);
        }

        var people = await eligibility.Eligible(target, PortalTime.Today(clock))
            .Where(p => !db.GroupMemberships.Any(m => m.GroupId == delivery.GroupId && m.PersonId == p.Id && m.Status == MembershipStatus.Removed))
            .Select(p => p.Id).ToArrayAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(InsertSql,
            [
                new NpgsqlParameter("people", people),
                new NpgsqlParameter("delivery", outgoing.DeliveryId),
                new NpgsqlParameter("message", delivery.MessageId),
                new NpgsqlParameter("version", delivery.VersionId),
                new NpgsqlParameter("group", delivery.GroupId),
                new NpgsqlParameter("now", clock.GetUtcNow()),
            ],
            cancellationToken);
        return new SendResult.Sent(outgoing.DeliveryId.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<RecallResult> RecallAsync(string accountHandle, string chatId, string platformMessageId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(platformMessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var deliveryId))
        {
            return new RecallResult.NotPossible("Not a delivery of the app.");
        }

        var now = clock.GetUtcNow();
        await db.AppInbox.Where(i => i.DeliveryId == deliveryId && i.RecalledAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.RecalledAt, now), cancellationToken);
        return new RecallResult.Recalled();
    }
}
