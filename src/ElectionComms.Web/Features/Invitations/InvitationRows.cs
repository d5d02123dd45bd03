using ElectionComms.Domain.Invitations;
using ElectionComms.Web.Data;

namespace ElectionComms.Web.Features.Invitations;

public sealed record InvitationRow(
    int Id,
    InvitationKind Kind,
    string? PersonName,
    DateTimeOffset ExpiresAt,
    int MaxUses,
    int UseCount,
    DateTimeOffset? RevokedAt,
    string? Note,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    int Opened,
    int Refused,
    int Granted)
{
    public InvitationStatus StatusAt(DateTimeOffset now) => Invitation.StatusOf(RevokedAt, ExpiresAt, UseCount, MaxUses, now);
}

/// <summary>The one projection of a group's invitations with their usage counts (list and usage report).</summary>
public static class InvitationRows
{
    public static IQueryable<InvitationRow> Project(AppDbContext db, IQueryable<Invitation> invitations) =>
        invitations.Select(i => new InvitationRow(
            i.Id,
            i.Kind,
            db.People.Where(p => p.Id == i.PersonId).Select(p => p.FullName).FirstOrDefault(),
            i.ExpiresAt,
            i.MaxUses,
            i.UseCount,
            i.RevokedAt,
            i.Note,
            i.CreatedAt,
            db.Staff.Where(s => s.Id == i.CreatedById).Select(s => s.FullName).FirstOrDefault() ?? string.Empty,
            db.InvitationUses.Count(u => u.InvitationId == i.Id && u.Outcome == UseOutcome.Opened),
            db.InvitationUses.Count(u => u.InvitationId == i.Id && u.Outcome == UseOutcome.Refused),
            db.InvitationUses.Count(u => u.InvitationId == i.Id && u.Outcome == UseOutcome.Granted)));
}
