using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.Property(p => p.FullName).HasMaxLength(Person.FullNameMaxLength);

        // §10: the trail records that a number changed, never the number itself.
        builder.Property(p => p.Phone).HasMaxLength(Person.PhoneMaxLength).MaskedInAudit();
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.EndReason).HasMaxLength(Person.ReasonMaxLength);

        // §5c: one active person per number in an election; ended mandates keep their number on record.
        builder.HasIndex(p => new { p.ElectionId, p.Phone }).IsUnique().HasFilter("status = 'Active'");
        builder.HasIndex(p => new { p.ElectionId, p.Level, p.UnitId });
        builder.HasOne<Election>().WithMany().HasForeignKey(p => p.ElectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property<uint>("xmin").IsRowVersion();
    }
}
