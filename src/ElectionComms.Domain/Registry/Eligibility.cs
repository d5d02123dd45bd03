using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;

namespace ElectionComms.Domain.Registry;

/// <summary>
/// Who may belong to a group (§6, §11): a person of the group's level whose unit lies inside the group's scope,
/// while their mandate covers the day. The same rule is written as SQL in the web project's eligibility query;
/// tests hold the two together.
/// </summary>
public static class Eligibility
{
    /// <summary>Whether a unit of <paramref name="unitLevel"/> at <paramref name="unit"/> lies inside the group's level and scope.</summary>
    public static bool Covers(AdministrationLevel groupLevel, GroupScope scope, AdministrationLevel unitLevel, UnitLocation unit) =>
        unitLevel == groupLevel && scope.Kind switch
        {
            ScopeKind.National => true,
            ScopeKind.Qark => unit.QarkId is { } qark && qark == scope.TargetId,
            ScopeKind.Municipality => unit.MunicipalityId is { } municipality && municipality == scope.TargetId,
            ScopeKind.Kzaz => unit.KzazId is { } kzaz && kzaz == scope.TargetId,
            ScopeKind.Unit => unit.UnitId == scope.TargetId,
            _ => false,
        };

    public static bool IsEligible(Person person, UnitLocation unit, AdministrationLevel groupLevel, GroupScope scope, DateOnly today) =>
        person.HoldsMandateOn(today) && Covers(groupLevel, scope, person.Level, unit);
}
