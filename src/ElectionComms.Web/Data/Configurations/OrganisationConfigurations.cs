using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

internal sealed class DirectorateConfiguration : IEntityTypeConfiguration<Directorate>
{
    public void Configure(EntityTypeBuilder<Directorate> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(Directorate.CodeMaxLength);
        builder.Property(d => d.NameSq).HasMaxLength(Directorate.NameMaxLength);
        builder.Property(d => d.NameEn).HasMaxLength(Directorate.NameMaxLength);
        builder.HasIndex(d => d.Code).IsUnique();
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("staff_members", t =>
            t.HasCheckConstraint("ck_staff_members_not_own_superior", "superior_id IS NULL OR superior_id <> id"));
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.FullName).HasMaxLength(StaffMember.FullNameMaxLength);
        builder.Property(s => s.Email).HasMaxLength(StaffMember.EmailMaxLength);
        builder.Property(s => s.Position).HasMaxLength(StaffMember.PositionMaxLength);
        builder.Property(s => s.Rank).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(s => s.Email).IsUnique();
        builder.HasOne<Directorate>().WithMany().HasForeignKey(s => s.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(s => s.SuperiorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<StaffMember>(s => s.Id).OnDelete(DeleteBehavior.Restrict);
        builder.Property<uint>("xmin").IsRowVersion();
    }
}
