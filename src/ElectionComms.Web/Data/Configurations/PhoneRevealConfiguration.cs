using ElectionComms.Domain.Organisation;
using ElectionComms.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

internal sealed class PhoneRevealConfiguration : IEntityTypeConfiguration<PhoneReveal>
{
    public void Configure(EntityTypeBuilder<PhoneReveal> builder)
    {
        builder.ToTable("phone_reveals");
        builder.HasIndex(r => r.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.RevealedById).OnDelete(DeleteBehavior.Restrict);
    }
}
