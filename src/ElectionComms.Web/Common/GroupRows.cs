using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Views;

namespace ElectionComms.Web.Common;

public sealed record GroupRow(
    int Id,
    string Name,
    GroupKind Kind,
    Platform Platform,
    string PlatformId,
    AdministrationLevel Level,
    ScopeKind ScopeKind,
    string? ScopeTarget,
    string AccountName,
    int DirectorateId,
    string AdministratorName,
    bool AdministratorValid,
    int Officers,
    GroupStatus Status,
    bool IsTestGroup,
    int? LogoVersion);

/// <summary>The one projection of groups for lists and the detail page, so both show the same facts.</summary>
public static class GroupRows
{
    public static IQueryable<GroupRow> Project(AppDbContext db, IQueryable<Group> groups) =>
        groups.Select(g => new GroupRow(
            g.Id,
            g.Name,
            g.Kind,
            g.Platform,
            g.PlatformId,
            g.Level,
            g.ScopeKind,
            InventorySql.ScopeName(g.Level, g.ScopeKind, g.ScopeTargetId),
            db.OfficialAccounts.Where(a => a.Id == g.AccountId).Select(a => a.Name).First(),
            db.OfficialAccounts.Where(a => a.Id == g.AccountId).Select(a => a.DirectorateId).First(),
            db.Staff.Where(s => s.Id == g.AdministratorId).Select(s => s.FullName).First(),
            db.Staff.Any(s => s.Id == g.AdministratorId && s.IsActive && Ranks.DirectorOrAbove.Contains(s.Rank)),
            g.Officers.Count,
            g.Status,
            g.IsTestGroup,
            g.LogoVersion));
}
