using ElectionComms.Domain.Invitations;
using ElectionComms.Domain.MemberApp;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

internal sealed class AppDeviceConfiguration : IEntityTypeConfiguration<AppDevice>
{
    public void Configure(EntityTypeBuilder<AppDevice> builder)
    {
        builder.ToTable("app_devices");

        // The device key is the member's credential: its hash never reaches the audit trail.
        builder.Property(d => d.KeyHash).HasMaxLength(AppDevice.KeyHashLength).ExcludedFromAudit();
        builder.Property(d => d.Label).HasMaxLength(AppDevice.LabelMaxLength);
        builder.Property(d => d.BindNonce).HasMaxLength(AppDevice.NonceMaxLength).ExcludedFromAudit();
        builder.HasIndex(d => d.BindNonce).IsUnique();
        builder.Ignore(d => d.IsRevoked);
        builder.HasIndex(d => d.KeyHash).IsUnique();
        builder.HasIndex(d => d.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Invitation>().WithMany().HasForeignKey(d => d.InvitationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppInboxItemConfiguration : IEntityTypeConfiguration<AppInboxItem>
{
    public void Configure(EntityTypeBuilder<AppInboxItem> builder)
    {
        builder.ToTable("app_inbox");

        // Once per delivery and person; the member's inbox reads newest first.
        builder.HasIndex(i => new { i.DeliveryId, i.PersonId }).IsUnique();
        builder.HasIndex(i => new { i.PersonId, i.Id });
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ElectionComms.Domain.Publishing.Delivery>().WithMany().HasForeignKey(i => i.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ElectionComms.Domain.Messages.Message>().WithMany().HasForeignKey(i => i.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ElectionComms.Domain.Channels.Group>().WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppPushSubscriptionConfiguration : IEntityTypeConfiguration<AppPushSubscription>
{
    public void Configure(EntityTypeBuilder<AppPushSubscription> builder)
    {
        builder.ToTable("app_push_subscriptions");

        // The endpoint is a capability URL and the keys decrypt the pushes: none of them reaches the audit trail.
        builder.Property(s => s.Endpoint).HasMaxLength(AppPushSubscription.EndpointMaxLength).ExcludedFromAudit();
        builder.Property(s => s.P256dh).HasMaxLength(AppPushSubscription.KeyMaxLength).ExcludedFromAudit();
        builder.Property(s => s.Auth).HasMaxLength(AppPushSubscription.KeyMaxLength).ExcludedFromAudit();
        builder.HasIndex(s => s.DeviceId).IsUnique();
        builder.HasOne<AppDevice>().WithMany().HasForeignKey(s => s.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}
