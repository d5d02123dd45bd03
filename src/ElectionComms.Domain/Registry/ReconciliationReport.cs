using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;

namespace ElectionComms.Domain.Registry;

/// <summary>The four answers of a §11 reconciliation for one member seen on the platform.</summary>
public enum ReconciliationCategory
{
    /// <summary>Registered, mandate covers today, and the group's level and scope include their unit.</summary>
    Eligible = 1,

    NotInRegistry = 2,

    /// <summary>Registered with a current mandate, but for another level or another area than this group's.</summary>
    NotEligible = 3,

    /// <summary>Registered, but the mandate ended (or its end date has passed).</summary>
    MandateEnded = 4,
}

public enum MatchKind
{
    None = 0,
    Phone = 1,

    /// <summary>The row had no usable phone number; a name match is weaker and the report flags it.</summary>
    Name = 2,
}

/// <summary>A member seen on the platform after phone normalisation: <paramref name="PhoneE164"/> is null when the number did not parse.</summary>
public sealed record ObservedMember(string? PhoneE164, string? RawPhone, string? Name);

/// <summary>What the registry holds about a person, enough to decide their category for a group.</summary>
public sealed record RegistryCandidate(
    int PersonId, string FullName, string Phone, AdministrationLevel Level, UnitLocation Unit, PersonStatus Status,
    DateOnly MandateFrom, DateOnly? MandateTo)
{
    public bool HoldsMandateOn(DateOnly day) =>
        Status == PersonStatus.Active && MandateFrom <= day && (MandateTo is null || MandateTo >= day);

    public ReconciliationCategory CategoryFor(AdministrationLevel groupLevel, GroupScope scope, DateOnly today)
    {
        if (Status == PersonStatus.Ended || MandateTo < today)
        {
            return ReconciliationCategory.MandateEnded;
        }

        return HoldsMandateOn(today) && Eligibility.Covers(groupLevel, scope, Level, Unit)
            ? ReconciliationCategory.Eligible
            : ReconciliationCategory.NotEligible;
    }
}

public sealed record ReconciliationLine(
    ReconciliationCategory Category, MatchKind Match, string? Phone, string? Name, int? PersonId, string? PersonName, int Occurrences)
{
    /// <summary>Everyone who is not a registered, eligible member must leave the group (§11).</summary>
    public bool MustBeRemoved => Category != ReconciliationCategory.Eligible;
}

/// <summary>
/// Compares the members seen in a group with the registry (§11), whatever the source: an uploaded export or the
/// Telegram bot. Duplicate sightings of the same number (or, without a number, the same name) count once.
/// </summary>
public sealed class ReconciliationReport
{
    private ReconciliationReport(IReadOnlyList<ReconciliationLine> lines, int observedRows)
    {
        Lines = lines;
        ObservedRows = observedRows;
    }

    public IReadOnlyList<ReconciliationLine> Lines { get; }

    public int ObservedRows { get; }

    public int DuplicateRows => ObservedRows - Lines.Count;

    public int Count(ReconciliationCategory category) => Lines.Count(l => l.Category == category);

    /// <param name="byPhone">The registry's person with that E.164 number (an active one before an ended one), or null.</param>
    /// <param name="byFoldedName">The registry's people whose <see cref="NameFolding.Fold"/>ed name equals the key.</param>
    public static ReconciliationReport Build(
        IEnumerable<ObservedMember> observed,
        Func<string, RegistryCandidate?> byPhone,
        Func<string, IReadOnlyList<RegistryCandidate>> byFoldedName,
        AdministrationLevel groupLevel,
        GroupScope scope,
        DateOnly today)
    {
        var rows = 0;
        var order = new List<string>();
        var seen = new Dictionary<string, (ObservedMember Member, int Count)>(StringComparer.Ordinal);
        foreach (var member in observed)
        {
            var key = Key(member);
            if (key is null)
            {
                continue;
            }

            rows++;
            if (seen.TryGetValue(key, out var existing))
            {
                seen[key] = (existing.Member, existing.Count + 1);
            }
            else
            {
                seen[key] = (member, 1);
                order.Add(key);
            }
        }

        var lines = order.Select(key =>
        {
            var (member, count) = seen[key];
            var (candidate, match) = Find(member, byPhone, byFoldedName, groupLevel, scope, today);
            var category = candidate?.CategoryFor(groupLevel, scope, today) ?? ReconciliationCategory.NotInRegistry;
            var phone = member.PhoneE164 ?? member.RawPhone;
            return new ReconciliationLine(category, match, phone, member.Name, candidate?.PersonId, candidate?.FullName, count);
        }).ToList();
        return new ReconciliationReport(lines, rows);
    }

    private static string? Key(ObservedMember member)
    {
        if (member.PhoneE164 is not null)
        {
            return "p:" + member.PhoneE164;
        }

        if (!string.IsNullOrWhiteSpace(member.RawPhone))
        {
            return "r:" + member.RawPhone.Trim();
        }

        var name = NameFolding.Fold(member.Name);
        return name.Length == 0 ? null : "n:" + name;
    }

    private static (RegistryCandidate? Candidate, MatchKind Match) Find(
        ObservedMember member,
        Func<string, RegistryCandidate?> byPhone,
        Func<string, IReadOnlyList<RegistryCandidate>> byFoldedName,
        AdministrationLevel groupLevel,
        GroupScope scope,
        DateOnly today)
    {
        if (member.PhoneE164 is not null)
        {
            var person = byPhone(member.PhoneE164);
            return (person, person is null ? MatchKind.None : MatchKind.Phone);
        }

        // A number that does not parse is not a registry number; only a row without any number matches by name.
        if (!string.IsNullOrWhiteSpace(member.RawPhone))
        {
            return (null, MatchKind.None);
        }

        // Namesakes: the kindest reading wins (eligible, then registered elsewhere, then ended); the report flags it.
        var best = byFoldedName(NameFolding.Fold(member.Name))
            .OrderBy(c => c.CategoryFor(groupLevel, scope, today) switch
            {
                ReconciliationCategory.Eligible => 0,
                ReconciliationCategory.NotEligible => 1,
                _ => 2,
            })
            .ThenBy(c => c.PersonId)
            .FirstOrDefault();
        return (best, best is null ? MatchKind.None : MatchKind.Name);
    }
}
