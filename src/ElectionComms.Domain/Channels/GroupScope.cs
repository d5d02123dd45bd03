using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Channels;

public enum ScopeKind
{
    National = 1,
    Qark = 2,
    Municipality = 3,
    Kzaz = 4,

    /// <summary>One unit of the group's level: a KZAZ, a voting centre, a counting group or a technical team.</summary>
    Unit = 5,
}

/// <summary>
/// Which part of the administration a group serves (§6): the whole country, a qark, a municipality, one KZAZ's
/// area, or a single unit of the group's level. <see cref="TargetId"/> names the qark, municipality, KZAZ or unit.
/// </summary>
public readonly record struct GroupScope(ScopeKind Kind, int? TargetId)
{
    public static GroupScope National => new(ScopeKind.National, null);

    public static GroupScope Create(ScopeKind kind, int? targetId)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Group.UnknownScope");
        }

        if (kind == ScopeKind.National)
        {
            return new GroupScope(kind, null);
        }

        return targetId is > 0 ? new GroupScope(kind, targetId) : throw new DomainException("Group.ScopeTargetRequired");
    }

    /// <summary>
    /// A group for KZAZ members is scoped to one KZAZ as a unit, not to "the area of a KZAZ" (that would be the same
    /// people twice); every other level may be scoped to an area or to one of its own units.
    /// </summary>
    public void EnsureFits(AdministrationLevel level)
    {
        if (!Enum.IsDefined(level))
        {
            throw new DomainException("Group.UnknownLevel");
        }

        if (Kind == ScopeKind.Kzaz && level == AdministrationLevel.Kzaz)
        {
            throw new DomainException("Group.ScopeDoesNotFitLevel", Kind, level);
        }
    }
}
