using System.Security.Claims;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElectionComms.Web.Auth;

internal sealed class PortalClaimsFactory(
    UserManager<AppUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var staff = await db.Staff.AsNoTracking()
            .Where(s => s.Id == user.Id)
            .Select(s => new { s.FullName, s.DirectorateId, Code = db.Directorates.Where(d => d.Id == s.DirectorateId).Select(d => d.Code).First() })
            .SingleOrDefaultAsync();
        identity.AddClaim(new Claim(PortalClaims.FullName, staff?.FullName ?? user.UserName ?? string.Empty));
        if (staff is not null)
        {
            identity.AddClaim(new Claim(PortalClaims.DirectorateId, staff.DirectorateId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(PortalClaims.DirectorateCode, staff.Code));
        }

        identity.AddClaim(new Claim(PortalClaims.TwoFactorEnabled, user.TwoFactorEnabled ? "1" : "0"));
        identity.AddClaim(new Claim(PortalClaims.MustChangePassword, user.MustChangePassword ? "1" : "0"));
        return identity;
    }
}
