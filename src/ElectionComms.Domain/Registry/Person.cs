using System.Text.RegularExpressions;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Registry;

/// <summary>What a member does in their unit of the electoral administration.</summary>
public enum UnitRole
{
    Chair = 1,
    DeputyChair = 2,
    Secretary = 3,
    Member = 4,
    Counter = 5,
    Operator = 6,
}

public enum PersonStatus
{
    Active = 1,
    Ended = 2,
}

/// <summary>
/// One member of the electoral administration in the KQZ's phone-number registry (§5c) for one election. A
/// person is never deleted while the election's data are kept: when the mandate ends they are marked ended, and
/// only the §14 deletion after post-election verification removes them.
/// </summary>
public sealed partial class Person
{
    public const int FullNameMaxLength = 150;
    public const int PhoneMaxLength = 16;
    public const int ReasonMaxLength = 500;

    private Person()
    {
        FullName = string.Empty;
        Phone = string.Empty;
    }

    public int Id { get; private set; }

    public int ElectionId { get; private set; }

    public string FullName { get; private set; }

    /// <summary>E.164, e.g. +355691234567; normalised before it reaches the domain.</summary>
    public string Phone { get; private set; }

    public UnitRole Role { get; private set; }

    public AdministrationLevel Level { get; private set; }

    /// <summary>The KZAZ, voting centre, counting group or technical team, by the level.</summary>
    public int UnitId { get; private set; }

    public DateOnly MandateFrom { get; private set; }

    public DateOnly? MandateTo { get; private set; }

    public PersonStatus Status { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndReason { get; private set; }

    public static Person Register(
        int electionId, string fullName, string phoneE164, UnitRole role, AdministrationLevel level, int unitId,
        DateOnly mandateFrom, DateOnly? mandateTo)
    {
        var person = new Person { ElectionId = electionId, Status = PersonStatus.Active };
        person.Update(fullName, phoneE164, role, level, unitId, mandateFrom, mandateTo);
        return person;
    }

    /// <summary>Applies the values of a roster row; returns false when nothing differs, so a re-import changes nothing.</summary>
    public bool Update(
        string fullName, string phoneE164, UnitRole role, AdministrationLevel level, int unitId, DateOnly mandateFrom, DateOnly? mandateTo)
    {
        var name = Guard.Text(fullName, FullNameMaxLength, "Person.NameRequired", "Person.NameTooLong");
        if (!E164().IsMatch(phoneE164 ?? string.Empty))
        {
            throw new DomainException("Person.PhoneInvalid", phoneE164 ?? string.Empty);
        }

        if (!Enum.IsDefined(role))
        {
            throw new DomainException("Person.UnknownRole");
        }

        if (!Enum.IsDefined(level) || unitId <= 0)
        {
            throw new DomainException("Person.UnitRequired");
        }

        if (mandateTo is { } end && end < mandateFrom)
        {
            throw new DomainException("Person.MandateEndsBeforeStart", mandateFrom, end);
        }

        var changed = name != FullName || phoneE164 != Phone || role != Role || level != Level || unitId != UnitId
            || mandateFrom != MandateFrom || mandateTo != MandateTo;
        FullName = name;
        Phone = phoneE164!;
        Role = role;
        Level = level;
        UnitId = unitId;
        MandateFrom = mandateFrom;
        MandateTo = mandateTo;
        return changed;
    }

    /// <summary>The mandate ended (a full-roster import no longer lists the person, or a clerk ended it).</summary>
    public void End(string reason, DateTimeOffset now)
    {
        if (Status == PersonStatus.Ended)
        {
            throw new DomainException("Person.AlreadyEnded");
        }

        EndReason = CheckedEndReason(reason);
        Status = PersonStatus.Ended;
        EndedAt = now;
    }

    /// <summary>The reason an ended mandate must carry; also checked before a bulk import ends people in SQL.</summary>
    public static string CheckedEndReason(string? reason) =>
        Guard.Text(reason, ReasonMaxLength, "Person.ReasonRequired", "Person.ReasonTooLong");

    public void Reinstate()
    {
        if (Status == PersonStatus.Active)
        {
            throw new DomainException("Person.AlreadyActive");
        }

        Status = PersonStatus.Active;
        EndedAt = null;
        EndReason = null;
    }

    /// <summary>Whether the mandate covers the given day (an ended person's never does).</summary>
    public bool HoldsMandateOn(DateOnly day) =>
        Status == PersonStatus.Active && MandateFrom <= day && (MandateTo is null || MandateTo >= day);

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex E164();
}
