using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Common;

/// <summary>
/// The §6 logo register's rules shared by its pages: which version is current, who uploads, who marks, and which
/// groups a person sees as showing an outdated logo.
/// </summary>
public static class LogoRegister
{
    /// <summary>An uploaded SVG is served with this policy, so a script inside it never runs (§12).</summary>
    public const string SvgPolicy = "default-src 'none'; style-src 'unsafe-inline'";

    /// <summary>The newest uploaded version, or null before the first upload.</summary>
    public static Task<int?> CurrentLogoVersionAsync(this AppDbContext db, CancellationToken cancellationToken) =>
        db.LogoVersions.MaxAsync(l => (int?)l.Version, cancellationToken);

    public static bool MayUpload(CurrentStaff user) => user.Role is StaffRole.SecretaryGeneral or StaffRole.Director;

    /// <summary>Clerks and directors record what their groups show; the Secretary General and auditors only read.</summary>
    public static bool MayMark(CurrentStaff user) => user.Role is StaffRole.Clerk or StaffRole.Director;

    /// <summary>
    /// Active groups that show no recorded logo or an older one than <paramref name="current"/>. The Secretary
    /// General and auditors see all of them; clerks and directors the groups they may mark.
    /// </summary>
    public static IQueryable<Group> Outdated(GroupAccess access, CurrentStaff user, int current)
    {
        var groups = user.Role is StaffRole.SecretaryGeneral or StaffRole.Auditor
            ? access.Readable(user)
            : access.Filter(user, GroupOperation.MarkLogo);
        return groups.Where(g => g.Status == GroupStatus.Active && (g.LogoVersion == null || g.LogoVersion < current));
    }
}
