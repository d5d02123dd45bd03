using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data;

namespace ElectionComms.Web.Features.Registry;

/// <summary>
/// A person as the registry pages show them; the unit as written in a roster (27, 0119/1, 27/3). Init properties
/// (not a positional record) so that EF can still filter and sort on them after the projection.
/// </summary>
public sealed record PersonRow
{
    public int Id { get; init; }

    public int ElectionId { get; init; }

    public string FullName { get; init; } = string.Empty;

    /// <summary>E.164; pages show <see cref="MaskedPhone"/> unless an audited reveal asked for it.</summary>
    public string Phone { get; init; } = string.Empty;

    public UnitRole Role { get; init; }

    public AdministrationLevel Level { get; init; }

    public string? Unit { get; init; }

    public DateOnly MandateFrom { get; init; }

    public DateOnly? MandateTo { get; init; }

    public PersonStatus Status { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? EndReason { get; init; }

    public string MaskedPhone => Common.PhoneNumbers.Mask(Phone);
}

public static class PersonRows
{
    /// <summary>One SQL projection (the unit's number by a correlated lookup per level), for the list and the person page.</summary>
    public static IQueryable<PersonRow> Project(this IQueryable<Person> people, AppDbContext db) => people.Select(p => new PersonRow
    {
        Id = p.Id,
        ElectionId = p.ElectionId,
        FullName = p.FullName,
        Phone = p.Phone,
        Role = p.Role,
        Level = p.Level,
        Unit = p.Level == AdministrationLevel.Kzaz
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
        MandateFrom = p.MandateFrom,
        MandateTo = p.MandateTo,
        Status = p.Status,
        EndedAt = p.EndedAt,
        EndReason = p.EndReason,
    });
}
