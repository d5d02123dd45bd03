using System.Linq.Expressions;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Channels;

/// <summary>
/// §8: the Director of Logistics and Digitalisation lets a help-line operator or a director transmit to one
/// channel or group, optionally until a given time. Revoked grants stay on record.
/// </summary>
public sealed class TransmitGrant
{
    private TransmitGrant()
    {
    }

    public int Id { get; private set; }

    public int GroupId { get; private set; }

    public Guid GranteeId { get; private set; }

    public Guid GrantedById { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public Guid? RevokedById { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <param name="grantorLeadsLogistics">The grantor is the director of the Directorate of Logistics and Digitalisation.</param>
    /// <param name="granteeMayTransmit">The grantee holds the help-line operator or director role.</param>
    public static TransmitGrant Grant(
        Group group, StaffMember grantee, bool granteeMayTransmit, StaffMember grantor, bool grantorLeadsLogistics,
        DateTimeOffset? expiresAt, IEnumerable<TransmitGrant> existing, DateTimeOffset now)
    {
        if (!grantorLeadsLogistics || !grantor.IsActive || grantor.Rank != Rank.Director)
        {
            throw new DomainException("Grant.OnlyLogisticsDirector");
        }

        if (!granteeMayTransmit || !grantee.IsActive)
        {
            throw new DomainException("Grant.GranteeNotEligible", grantee.FullName);
        }

        if (group.Status != GroupStatus.Active)
        {
            throw new DomainException("Grant.GroupInactive", group.Name);
        }

        if (expiresAt is { } expiry && expiry <= now)
        {
            throw new DomainException("Grant.ExpiryInPast");
        }

        if (existing.Any(g => g.GroupId == group.Id && g.GranteeId == grantee.Id && g.IsActiveAt(now)))
        {
            throw new DomainException("Grant.AlreadyGranted", grantee.FullName, group.Name);
        }

        return new TransmitGrant
        {
            GroupId = group.Id,
            GranteeId = grantee.Id,
            GrantedById = grantor.Id,
            GrantedAt = now,
            ExpiresAt = expiresAt,
        };
    }

    /// <summary>Not revoked and not expired: the one definition, for the domain and (<see cref="ActiveAt"/>) for queries.</summary>
    public static readonly Rule<TransmitGrant, DateTimeOffset> Active =
        new((t, now) => t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now));

    public static Expression<Func<TransmitGrant, bool>> ActiveAt(DateTimeOffset now) => Active.For(now);

    public bool IsActiveAt(DateTimeOffset now) => Active.Holds(this, now);

    public void Revoke(StaffMember revoker, bool revokerLeadsLogistics, DateTimeOffset now)
    {
        if (!revokerLeadsLogistics || !revoker.IsActive || revoker.Rank != Rank.Director)
        {
            throw new DomainException("Grant.OnlyLogisticsDirector");
        }

        if (!IsActiveAt(now))
        {
            throw new DomainException("Grant.NotActive");
        }

        RevokedById = revoker.Id;
        RevokedAt = now;
    }
}
