using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Data;

/// <summary>
/// ASP.NET Core Data Protection's key ring in PostgreSQL (table <c>data_protection_keys</c>), shared by every portal
/// process, so a cookie, an antiforgery token or a protected value made by one is read by all. A context of its own:
/// key material never passes through <see cref="AppDbContext"/>'s audit trail or its read-model signal. The table is
/// created by AppDbContext's migration <c>DataProtectionKeys</c>; this context never migrates.
/// </summary>
public sealed class KeyRingContext(DbContextOptions<KeyRingContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys", table => table.ExcludeFromMigrations());
            key.Property(k => k.Id).HasColumnName("id");
            key.Property(k => k.FriendlyName).HasColumnName("friendly_name");
            key.Property(k => k.Xml).HasColumnName("xml");
        });
}
