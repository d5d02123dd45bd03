using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

internal sealed class OfficialAccountConfiguration : IEntityTypeConfiguration<OfficialAccount>
{
    public void Configure(EntityTypeBuilder<OfficialAccount> builder)
    {
        builder.Property(a => a.Platform).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.ControlClass).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Handle).HasMaxLength(OfficialAccount.HandleMaxLength);
        builder.Property(a => a.Name).HasMaxLength(OfficialAccount.NameMaxLength);
        builder.Property(a => a.Purpose).HasMaxLength(OfficialAccount.ReasonMaxLength);
        builder.Property(a => a.StatusReason).HasMaxLength(OfficialAccount.ReasonMaxLength);

        // One live account per handle and platform; refused and closed ones stay on record beside a new one.
        builder.HasIndex(a => new { a.Platform, a.Handle }).IsUnique().HasFilter("status IN ('Requested', 'Active', 'Suspended')");
        builder.HasIndex(a => a.DirectorateId);
        builder.HasOne<Directorate>().WithMany().HasForeignKey(a => a.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.Property<uint>("xmin").IsRowVersion();
    }
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("groups", t =>
            t.HasCheckConstraint("ck_groups_scope_target", "(scope_kind = 'National') = (scope_target_id IS NULL)"));
        builder.Ignore(g => g.Scope);
        builder.Ignore(g => g.Capacity);
        builder.Property(g => g.Platform).HasConversion<string>().HasMaxLength(32);
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(g => g.Level).HasConversion<string>().HasMaxLength(32);
        builder.Property(g => g.ScopeKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(g => g.Name).HasMaxLength(Group.NameMaxLength);
        builder.Property(g => g.PlatformId).HasMaxLength(PlatformIdentifier.MaxLength);
        builder.Property(g => g.StatusReason).HasMaxLength(Group.ReasonMaxLength);
        builder.Property(g => g.DeliveryProblem).HasMaxLength(Group.ReasonMaxLength);
        builder.Ignore(g => g.InvitationLink);
        builder.Property(g => g.JoinLink).HasMaxLength(JoinLink.MaxLength);
        builder.Property(g => g.BotStartLink).HasMaxLength(JoinLink.MaxLength);
        builder.HasIndex(g => new { g.Platform, g.PlatformId }).IsUnique();
        builder.HasIndex(g => new { g.ElectionId, g.Level });

        // The inventory's group list opens sorted by name: with this index its first page reads 50 rows, not all.
        builder.HasIndex(g => new { g.ElectionId, g.Name, g.Id });
        builder.HasIndex(g => g.AccountId);
        builder.HasIndex(g => g.AdministratorId);
        builder.HasOne<OfficialAccount>().WithMany().HasForeignKey(g => g.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Election>().WithMany().HasForeignKey(g => g.ElectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(g => g.AdministratorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Officers).WithOne().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Officers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property<uint>("xmin").IsRowVersion();
    }
}

internal sealed class GroupOfficerConfiguration : IEntityTypeConfiguration<GroupOfficer>
{
    public void Configure(EntityTypeBuilder<GroupOfficer> builder)
    {
        builder.HasKey(o => new { o.GroupId, o.StaffMemberId });
        builder.HasIndex(o => o.StaffMemberId);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(o => o.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(o => o.AssignedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransmitGrantConfiguration : IEntityTypeConfiguration<TransmitGrant>
{
    public void Configure(EntityTypeBuilder<TransmitGrant> builder)
    {
        builder.HasIndex(g => new { g.GroupId, g.GranteeId });
        builder.HasIndex(g => g.GranteeId);
        builder.HasOne<Group>().WithMany().HasForeignKey(g => g.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(g => g.GranteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(g => g.GrantedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(g => g.RevokedById).OnDelete(DeleteBehavior.Restrict);
        builder.Property<uint>("xmin").IsRowVersion();
    }
}

internal sealed class LogoVersionConfiguration : IEntityTypeConfiguration<LogoVersion>
{
    public void Configure(EntityTypeBuilder<LogoVersion> builder)
    {
        builder.Property(l => l.ContentType).HasMaxLength(32);
        builder.Property(l => l.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(l => l.FileName).HasMaxLength(LogoVersion.FileNameMaxLength);
        builder.HasIndex(l => l.Version).IsUnique();
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(l => l.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}
