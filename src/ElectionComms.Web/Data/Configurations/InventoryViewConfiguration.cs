using ElectionComms.Web.Data.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

/// <summary>The keyless <c>group_inventory</c> view, created by hand-written SQL in the InventoryView migration.</summary>
internal sealed class InventoryViewConfiguration : IEntityTypeConfiguration<GroupInventoryRow>
{
    public void Configure(EntityTypeBuilder<GroupInventoryRow> builder)
    {
        builder.HasNoKey();
        builder.ToView("group_inventory");
        builder.Property(g => g.Platform).HasConversion<string>();
        builder.Property(g => g.Kind).HasConversion<string>();
        builder.Property(g => g.Level).HasConversion<string>();
        builder.Property(g => g.ScopeKind).HasConversion<string>();
        builder.Property(g => g.Status).HasConversion<string>();
    }
}
