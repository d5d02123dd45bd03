using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Invitations;
using ElectionComms.Domain.Organisation;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations", t =>
        {
            t.HasCheckConstraint("ck_invitations_max_uses", "max_uses > 0");
            t.HasCheckConstraint("ck_invitations_personal", "(kind = 'Personal') = (person_id IS NOT NULL)");
        });
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.CodeHash).HasMaxLength(Invitation.HashLength).IsFixedLength().ExcludedFromAudit();
        builder.Property(i => i.Note).HasMaxLength(Invitation.NoteMaxLength);
        builder.HasIndex(i => i.CodeHash).IsUnique();
        builder.HasIndex(i => new { i.GroupId, i.CreatedAt });
        builder.HasOne<Group>().WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(i => i.RevokedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Invitation>().WithMany().HasForeignKey(i => i.ReissuedFromId).OnDelete(DeleteBehavior.Restrict);

        // Two people using the last remaining use at once: one save wins, the other is told to try again.
        builder.Property<uint>("xmin").IsRowVersion();
    }
}

internal sealed class InvitationUseConfiguration : IEntityTypeConfiguration<InvitationUse>
{
    public void Configure(EntityTypeBuilder<InvitationUse> builder)
    {
        builder.Property(u => u.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.Reason).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.MaskedPhone).HasMaxLength(InvitationUse.MaskedPhoneMaxLength);
        builder.HasIndex(u => new { u.InvitationId, u.Outcome });
        builder.HasOne<Invitation>().WithMany().HasForeignKey(u => u.InvitationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
