using ElectionComms.Domain.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

internal sealed class ElectionConfiguration : IEntityTypeConfiguration<Election>
{
    public void Configure(EntityTypeBuilder<Election> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(Election.NameMaxLength);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(32);
        builder.Property<uint>("xmin").IsRowVersion();
    }
}

internal sealed class QarkConfiguration : IEntityTypeConfiguration<Qark>
{
    public void Configure(EntityTypeBuilder<Qark> builder)
    {
        builder.ToTable("qarqe");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Name).HasMaxLength(100);
        builder.HasIndex(q => q.Name).IsUnique();
    }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.HasIndex(m => m.Name).IsUnique();
        builder.HasOne<Qark>().WithMany().HasForeignKey(m => m.QarkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KzazConfiguration : IEntityTypeConfiguration<Kzaz>
{
    public void Configure(EntityTypeBuilder<Kzaz> builder)
    {
        builder.ToTable("kzazs", t => t.HasCheckConstraint("ck_kzazs_number", $"number BETWEEN {Kzaz.MinNumber} AND {Kzaz.MaxNumber}"));
        builder.Property(k => k.Seat).HasMaxLength(Kzaz.SeatMaxLength);
        builder.HasIndex(k => new { k.ElectionId, k.Number }).IsUnique();
        builder.HasOne<Election>().WithMany().HasForeignKey(k => k.ElectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(k => k.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VotingCentreConfiguration : IEntityTypeConfiguration<VotingCentre>
{
    public void Configure(EntityTypeBuilder<VotingCentre> builder)
    {
        builder.ToTable("voting_centres", t => t.HasCheckConstraint("ck_voting_centres_number", @"number ~ '^[0-9]{4}(/[1-9][0-9]?)?$'"));
        builder.Property(v => v.Number).HasMaxLength(VotingCentreNumber.MaxLength);
        builder.Property(v => v.Location).HasMaxLength(VotingCentre.LocationMaxLength);
        builder.HasIndex(v => new { v.ElectionId, v.Number }).IsUnique();
        builder.HasIndex(v => v.KzazId);
        builder.HasOne<Election>().WithMany().HasForeignKey(v => v.ElectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Kzaz>().WithMany().HasForeignKey(v => v.KzazId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CountingCentreConfiguration : IEntityTypeConfiguration<CountingCentre>
{
    public void Configure(EntityTypeBuilder<CountingCentre> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(CountingCentre.NameMaxLength);
        builder.HasIndex(c => c.KzazId);
        builder.HasOne<Election>().WithMany().HasForeignKey(c => c.ElectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Kzaz>().WithMany().HasForeignKey(c => c.KzazId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CountingGroupConfiguration : IEntityTypeConfiguration<CountingGroup>
{
    public void Configure(EntityTypeBuilder<CountingGroup> builder)
    {
        builder.HasIndex(g => new { g.CountingCentreId, g.Number }).IsUnique();
        builder.HasIndex(g => g.KzazId);
        builder.HasOne<Election>().WithMany().HasForeignKey(g => g.ElectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Kzaz>().WithMany().HasForeignKey(g => g.KzazId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CountingCentre>().WithMany().HasForeignKey(g => g.CountingCentreId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TechnicalTeamConfiguration : IEntityTypeConfiguration<TechnicalTeam>
{
    public void Configure(EntityTypeBuilder<TechnicalTeam> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(TechnicalTeam.NameMaxLength);
        builder.HasOne<Election>().WithMany().HasForeignKey(t => t.ElectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Kzaz>().WithMany().HasForeignKey(t => t.KzazId).OnDelete(DeleteBehavior.Cascade);
    }
}
