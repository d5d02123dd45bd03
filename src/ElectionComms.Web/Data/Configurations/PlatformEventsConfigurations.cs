using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

internal sealed class InboxUpdateConfiguration : IEntityTypeConfiguration<InboxUpdate>
{
    public void Configure(EntityTypeBuilder<InboxUpdate> builder)
    {
        builder.ToTable("platform_updates");
        builder.Property(u => u.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.Account).HasMaxLength(100);
        builder.Property(u => u.Key).HasMaxLength(InboxUpdate.KeyMaxLength);
        builder.Property(u => u.Kind).HasMaxLength(InboxUpdate.KindMaxLength);
        // The raw body may hold a member's full phone number (a shared contact): never copied into the audit trail (§10).
        builder.Property(u => u.Body).HasColumnType("text").ExcludedFromAudit();
        builder.Property(u => u.Outcome).HasMaxLength(InboxUpdate.OutcomeMaxLength);

        // Telegram delivers an update again until it is answered with 200: the second copy is not stored.
        builder.HasIndex(u => new { u.Platform, u.Account, u.Key }).IsUnique();
        builder.HasIndex(u => u.Id).HasFilter("processed_at IS NULL").HasDatabaseName("ix_platform_updates_unprocessed");
    }
}

internal sealed class PlatformIdentityConfiguration : IEntityTypeConfiguration<PlatformIdentity>
{
    public void Configure(EntityTypeBuilder<PlatformIdentity> builder)
    {
        builder.ToTable("platform_identities");
        builder.Property(i => i.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.PlatformUserId).HasMaxLength(PlatformIdentity.UserIdMaxLength);
        builder.HasIndex(i => new { i.Platform, i.PlatformUserId }).IsUnique();
        builder.HasIndex(i => i.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberEventConfiguration : IEntityTypeConfiguration<MemberEvent>
{
    public void Configure(EntityTypeBuilder<MemberEvent> builder)
    {
        builder.ToTable("member_events");
        builder.Property(e => e.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.PlatformUserId).HasMaxLength(PlatformIdentity.UserIdMaxLength);
        builder.Property(e => e.DisplayName).HasMaxLength(MemberEvent.NameMaxLength);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Reason).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.MaskedPhone).HasMaxLength(Person.PhoneMaxLength);

        // The live membership of a group is the last event per user.
        builder.HasIndex(e => new { e.GroupId, e.PlatformUserId, e.Id }).HasDatabaseName("ix_member_events_latest");
        builder.HasIndex(e => new { e.PlatformUserId, e.Kind });
        builder.HasOne<Group>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<InboxUpdate>().WithMany().HasForeignKey(e => e.UpdateId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class BotActionConfiguration : IEntityTypeConfiguration<BotAction>
{
    public void Configure(EntityTypeBuilder<BotAction> builder)
    {
        builder.ToTable("bot_actions");
        builder.Property(a => a.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Account).HasMaxLength(100);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.ChatId).HasMaxLength(100);
        builder.Property(a => a.UserId).HasMaxLength(PlatformIdentity.UserIdMaxLength);
        builder.Property(a => a.Text).HasMaxLength(BotAction.TextMaxLength);
        builder.Property(a => a.Result).HasMaxLength(500);
        builder.HasIndex(a => new { a.NotBefore, a.Id }).HasFilter("status = 'Pending'").HasDatabaseName("ix_bot_actions_due");
    }
}

internal sealed class AcknowledgementConfiguration : IEntityTypeConfiguration<Acknowledgement>
{
    public void Configure(EntityTypeBuilder<Acknowledgement> builder)
    {
        builder.ToTable("acknowledgements");
        builder.Property(a => a.PlatformUserId).HasMaxLength(PlatformIdentity.UserIdMaxLength);

        // Once per message and person, whichever group and however often they press.
        builder.HasIndex(a => new { a.MessageId, a.PersonId }).IsUnique();
        builder.HasOne<ElectionComms.Domain.Messages.Message>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ElectionComms.Domain.Publishing.Delivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Group>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffPlatformLinkConfiguration : IEntityTypeConfiguration<StaffPlatformLink>
{
    public void Configure(EntityTypeBuilder<StaffPlatformLink> builder)
    {
        builder.ToTable("staff_platform_links");
        builder.HasKey(l => new { l.StaffMemberId, l.Platform });
        builder.Property(l => l.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.PlatformUserId).HasMaxLength(PlatformIdentity.UserIdMaxLength);
        builder.Property(l => l.PlatformUserName).HasMaxLength(StaffPlatformLink.NameMaxLength);

        // The code is a secret until used: its hash never reaches the audit trail (only that it changed).
        builder.Property(l => l.CodeHash).HasMaxLength(64).ExcludedFromAudit();

        // One platform account stands for one employee.
        builder.HasIndex(l => new { l.Platform, l.PlatformUserId }).IsUnique().HasFilter("platform_user_id IS NOT NULL");
        builder.Ignore(l => l.IsLinked);
        builder.HasIndex(l => l.CodeHash).IsUnique().HasFilter("code_hash IS NOT NULL");
        builder.HasOne<ElectionComms.Domain.Organisation.StaffMember>().WithMany().HasForeignKey(l => l.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupAdministrationCheckConfiguration : IEntityTypeConfiguration<GroupAdministrationCheck>
{
    public void Configure(EntityTypeBuilder<GroupAdministrationCheck> builder)
    {
        builder.ToTable("group_administration_checks");
        builder.HasKey(c => c.GroupId);
        builder.Property(c => c.GroupId).ValueGeneratedNever();
        builder.Property(c => c.BotProblem).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.BotProblemDetail).HasMaxLength(GroupAdministrationCheck.DetailMaxLength);
        builder.Property(c => c.DirectorProblem).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ExtraAdministrators).HasMaxLength(GroupAdministrationCheck.DetailMaxLength);
        builder.Ignore(c => c.HasProblem);
        builder.HasIndex(c => c.AttemptedAt);
        builder.HasOne<Group>().WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
