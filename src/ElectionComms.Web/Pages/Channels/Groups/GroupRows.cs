using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Data;

namespace ElectionComms.Web.Pages.Channels.Groups;

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
            g.ScopeKind == ScopeKind.Qark ? db.Qarqe.Where(q => q.Id == g.ScopeTargetId).Select(q => q.Name).FirstOrDefault()
            : g.ScopeKind == ScopeKind.Municipality ? db.Municipalities.Where(m => m.Id == g.ScopeTargetId).Select(m => m.Name).FirstOrDefault()
            : g.ScopeKind == ScopeKind.Kzaz || (g.ScopeKind == ScopeKind.Unit && g.Level == AdministrationLevel.Kzaz)
                ? db.Kzazs.Where(k => k.Id == g.ScopeTargetId).Select(k => "KZAZ " + k.Number.ToString()).FirstOrDefault()
            : g.ScopeKind == ScopeKind.Unit && g.Level == AdministrationLevel.Kqv
                ? db.VotingCentres.Where(v => v.Id == g.ScopeTargetId).Select(v => "KQV " + v.Number).FirstOrDefault()
            : g.ScopeKind == ScopeKind.Unit && g.Level == AdministrationLevel.Gnv
                ? db.CountingGroups.Where(c => c.Id == g.ScopeTargetId)
                    .Select(c => "GNV " + c.Number.ToString() + " / KZAZ " + db.Kzazs.Where(k => k.Id == c.KzazId).Select(k => k.Number.ToString()).FirstOrDefault())
                    .FirstOrDefault()
            : g.ScopeKind == ScopeKind.Unit
                ? db.TechnicalTeams.Where(t => t.Id == g.ScopeTargetId).Select(t => t.Name).FirstOrDefault()
            : null,
            db.OfficialAccounts.Where(a => a.Id == g.AccountId).Select(a => a.Name).First(),
            db.OfficialAccounts.Where(a => a.Id == g.AccountId).Select(a => a.DirectorateId).First(),
            db.Staff.Where(s => s.Id == g.AdministratorId).Select(s => s.FullName).First(),
            db.Staff.Any(s => s.Id == g.AdministratorId && s.IsActive && (s.Rank == Rank.Director || s.Rank == Rank.SecretaryGeneral)),
            g.Officers.Count,
            g.Status,
            g.IsTestGroup,
            g.LogoVersion));
}
