using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Data.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

internal sealed class QarkSeedConfiguration : IEntityTypeConfiguration<Qark>
{
    public void Configure(EntityTypeBuilder<Qark> builder) =>
        builder.HasData(Geography.Qarqe.Select(q => new { q.Id, q.Name }));
}

internal sealed class MunicipalitySeedConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder) =>
        builder.HasData(Geography.Municipalities().Select(m => new { m.Id, m.Name, m.QarkId }));
}

internal sealed class DirectorateSeedConfiguration : IEntityTypeConfiguration<Directorate>
{
    public void Configure(EntityTypeBuilder<Directorate> builder)
    {
        // Directorates are reference data with stable ids that other rows and the seed refer to.
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasData(ReferenceData.Directorates.Select(d => new
        {
            d.Id,
            d.Code,
            d.NameSq,
            d.NameEn,
            WorksWithElectionAdministration = d.WorksWithAdministration,
            IsActive = true,
        }));
    }
}

internal sealed class RoleSeedConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) =>
        builder.HasData(ReferenceData.RoleIds.Select(r => new IdentityRole<Guid>
        {
            Id = r.Value,
            Name = r.Key,
            NormalizedName = r.Key.ToUpperInvariant(),
            ConcurrencyStamp = r.Value.ToString(),
        }));
}
