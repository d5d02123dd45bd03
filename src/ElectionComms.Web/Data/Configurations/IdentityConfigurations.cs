using ElectionComms.Web.Auth;
using ElectionComms.Web.Data.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.PasswordHash).ExcludedFromAudit();
        builder.Property(u => u.SecurityStamp).ExcludedFromAudit();
        builder.Property(u => u.PhoneNumber).MaskedInAudit();
    }
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    // Authenticator keys and recovery codes are secrets: the trail records that they changed, never their value.
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) =>
        builder.Property(t => t.Value).ExcludedFromAudit();
}
