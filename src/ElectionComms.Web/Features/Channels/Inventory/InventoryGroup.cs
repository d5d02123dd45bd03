using System.Linq.Expressions;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Data.Views;

namespace ElectionComms.Web.Features.Channels.Inventory;

/// <summary>
/// One inventory row as the dashboard, the group list and the exports see it. Built in SQL by
/// <see cref="Projection"/>, so filters, counts and sorting on any of these properties run in the database.
/// </summary>
public sealed class InventoryGroup
{
    public int Id { get; init; }

    public int DirectorateId { get; init; }

    public string Name { get; init; } = string.Empty;

    public Platform Platform { get; init; }

    public GroupKind Kind { get; init; }

    public AdministrationLevel Level { get; init; }

    /// <summary>KZAZ, KQV, GNV, technical staff: the order of the administration, for sorting.</summary>
    public int LevelOrder { get; init; }

    public ScopeKind ScopeKind { get; init; }

    public string? ScopeName { get; init; }

    public string PlatformId { get; init; } = string.Empty;

    public GroupStatus Status { get; init; }

    public bool IsTestGroup { get; init; }

    public int? LogoVersion { get; init; }

    public bool LogoOutdated { get; init; }

    public string AdministratorName { get; init; } = string.Empty;

    /// <summary>§7: active and of director rank or above.</summary>
    public bool AdministratorValid { get; init; }

    public int OfficerCount { get; init; }

    public int ExpectedMembers { get; init; }

    /// <summary>Members the platform accepts in one group (<see cref="PlatformRules.Capacity"/>); null when unlimited.</summary>
    public int? Capacity { get; init; }

    public bool ExceedsCapacity { get; init; }

    // The six problem lists of the dashboard. Each is defined here once; the counts and the filtered list both
    // read these flags. Problems of a deactivated group no longer matter, so only "inactive" lists those.
    public bool WithoutValidAdministrator { get; init; }

    public bool WithoutOfficer { get; init; }

    public bool OutdatedLogo { get; init; }

    public bool OverCapacity { get; init; }

    public bool OnPlatform { get; init; }

    public bool Inactive { get; init; }

    /// <summary>
    /// The view row projected to an inventory row. Expected members and capacity are SQL CASE expressions built
    /// from the domain's <see cref="UnitComposition"/> and <see cref="PlatformRules"/>, so no number is repeated here.
    /// </summary>
    public static readonly Expression<Func<GroupInventoryRow, InventoryGroup>> Projection = BuildProjection();

    private static Expression<Func<GroupInventoryRow, InventoryGroup>> BuildProjection()
    {
        Expression<Func<GroupInventoryRow, int, int?, int, InventoryGroup>> template = (g, perUnit, capacity, levelOrder) => new InventoryGroup
        {
            Id = g.Id,
            DirectorateId = g.DirectorateId,
            Name = g.Name,
            Platform = g.Platform,
            Kind = g.Kind,
            Level = g.Level,
            LevelOrder = levelOrder,
            ScopeKind = g.ScopeKind,
            ScopeName = g.ScopeName,
            PlatformId = g.PlatformId,
            Status = g.Status,
            IsTestGroup = g.IsTestGroup,
            LogoVersion = g.LogoVersion,
            LogoOutdated = g.LogoOutdated,
            AdministratorName = g.AdministratorName,
            AdministratorValid = g.AdministratorValid,
            OfficerCount = g.OfficerCount,
            ExpectedMembers = g.ScopeUnits * perUnit,
            Capacity = capacity,
            ExceedsCapacity = capacity != null && g.ScopeUnits * perUnit > capacity,
            WithoutValidAdministrator = g.Status == GroupStatus.Active && !g.AdministratorValid,
            WithoutOfficer = g.Status == GroupStatus.Active && g.OfficerCount == 0,
            OutdatedLogo = g.Status == GroupStatus.Active && g.LogoOutdated,
            OverCapacity = g.Status == GroupStatus.Active && capacity != null && g.ScopeUnits * perUnit > capacity,
            OnPlatform = g.Status == GroupStatus.Active && g.PlatformProblem,
            Inactive = g.Status == GroupStatus.Inactive,
        };

        var row = template.Parameters[0];
        var level = Expression.Property(row, nameof(GroupInventoryRow.Level));
        var platform = Expression.Property(row, nameof(GroupInventoryRow.Platform));
        var kind = Expression.Property(row, nameof(GroupInventoryRow.Kind));
        var levels = Enum.GetValues<AdministrationLevel>();

        var perUnit = Case(levels.Select(l => (Is(level, l), UnitComposition.MembersPerUnit(l))), 0);
        var levelOrder = Case(levels.Select(l => (Is(level, l), (int)l)), 0);
        var capacity = Case(
            from p in Enum.GetValues<Platform>()
            from k in Enum.GetValues<GroupKind>()
            let limit = PlatformRules.Capacity(p, k)
            where limit is not null
            select (Expression.AndAlso(Is(platform, p), Is(kind, k)), limit),
            (int?)null);

        var body = new Substitution(new()
        {
            [template.Parameters[1]] = perUnit,
            [template.Parameters[2]] = capacity,
            [template.Parameters[3]] = levelOrder,
        }).Visit(template.Body);
        return Expression.Lambda<Func<GroupInventoryRow, InventoryGroup>>(body, row);
    }

    /// <summary><c>value == candidate</c> shaped as the C# compiler writes it, which EF translates for enums stored as text.</summary>
    private static BinaryExpression Is<TEnum>(Expression value, TEnum candidate)
        where TEnum : struct, Enum =>
        Expression.Equal(Expression.Convert(value, typeof(int)), Expression.Constant(Convert.ToInt32(candidate, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A chain of conditionals: the first test that holds gives its value, otherwise <paramref name="otherwise"/>.</summary>
    private static Expression Case<T>(IEnumerable<(BinaryExpression Test, T Value)> cases, T otherwise) =>
        cases.Reverse().Aggregate(
            (Expression)Expression.Constant(otherwise, typeof(T)),
            (rest, c) => Expression.Condition(c.Test, Expression.Constant(c.Value, typeof(T)), rest));

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
