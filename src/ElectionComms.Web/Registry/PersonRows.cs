using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data;

namespace ElectionComms.Web.Registry;

/// <summary>A person as the registry pages show them; the unit as written in a roster (27, 0119/1, 27/3).</summary>
public sealed record PersonRow(
    int Id, int ElectionId, string FullName, string Phone, UnitRole Role, AdministrationLevel Level, int UnitId, string? Unit,
    DateOnly MandateFrom, DateOnly? MandateTo, PersonStatus Status, DateTimeOffset? EndedAt, string? EndReason)
{
    public string MaskedPhone => PhoneNumbers.Mask(Phone);
}

public static class PersonRows
{
    /// <summary>One SQL projection (the unit's number by a correlated lookup per level), for the list and the person page.</summary>
    public static IQueryable<PersonRow> Project(this IQueryable<Person> people, AppDbContext db) => people.Select(p => new PersonRow(
        p.Id,
        p.ElectionId,
        p.FullName,
        p.Phone,
        p.Role,
        p.Level,
        p.UnitId,
        p.Level == AdministrationLevel.Kzaz
            ? db.Kzazs.Where(k => k.Id == p.UnitId).Select(k => k.Number.ToString()).FirstOrDefault()
            : p.Level == AdministrationLevel.Kqv
                ? db.VotingCentres.Where(v => v.Id == p.UnitId).Select(v => v.Number).FirstOrDefault()
                : p.Level == AdministrationLevel.Gnv
                    ? db.CountingGroups.Where(g => g.Id == p.UnitId)
                        .Select(g => db.Kzazs.Where(k => k.Id == g.KzazId).Select(k => k.Number.ToString()).First() + "/" + g.Number.ToString())
                        .FirstOrDefault()
                    : db.TechnicalTeams.Where(t => t.Id == p.UnitId)
                        .Select(t => db.Kzazs.Where(k => k.Id == t.KzazId).Select(k => k.Number.ToString()).FirstOrDefault())
                        .FirstOrDefault(),
        p.MandateFrom,
        p.MandateTo,
        p.Status,
        p.EndedAt,
        p.EndReason));
}
