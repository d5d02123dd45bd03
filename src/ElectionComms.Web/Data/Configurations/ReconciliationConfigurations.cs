using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

internal sealed class ReconciliationRunConfiguration : IEntityTypeConfiguration<ReconciliationRun>
{
    public void Configure(EntityTypeBuilder<ReconciliationRun> builder)
    {
        builder.ToTable("reconciliation_runs");
        builder.Property(r => r.Source).HasMaxLength(ReconciliationRun.SourceMaxLength);
        builder.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Entries).WithOne().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.GroupId, r.CreatedAt });
    }
}

internal sealed class ReconciliationEntryConfiguration : IEntityTypeConfiguration<ReconciliationEntry>
{
    public void Configure(EntityTypeBuilder<ReconciliationEntry> builder)
    {
        builder.ToTable("reconciliation_entries");

        // §10: the trail says that a removal was done, never which number it was.
        builder.Property(e => e.Phone).HasMaxLength(ReconciliationEntry.PhoneMaxLength).MaskedInAudit();
        builder.Property(e => e.Name).HasMaxLength(ReconciliationEntry.NameMaxLength);
        builder.Property(e => e.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Match).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.RunId, e.Category });
        builder.Property<uint>("xmin").IsRowVersion();
    }
}

internal sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> builder)
    {
        builder.ToTable("group_memberships");
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Reason).HasMaxLength(GroupMembership.ReasonMaxLength);

        // One record per person and group; its history is the audit trail of that row.
        builder.HasIndex(m => new { m.GroupId, m.PersonId }).IsUnique();
        builder.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property<uint>("xmin").IsRowVersion();
    }
}
