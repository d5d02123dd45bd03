using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("messages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.ApprovalRoute).HasConversion<string>().HasMaxLength(16).HasDefaultValue(ApprovalRoute.Chain).HasSentinel((ApprovalRoute)(-1));
        builder.Property(m => m.CurrentContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(m => m.DecisionReason).HasMaxLength(Message.ReasonMaxLength);
        builder.Ignore(m => m.CurrentVersion);

        // current_version_id has no foreign key on purpose: a version points to its message, and a cycle of keys
        // would make every edit a two-step save. The queue trigger checks it against the versions instead.
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(m => m.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Directorate>().WithMany().HasForeignKey(m => m.DirectorateId).OnDelete(DeleteBehavior.Restrict);

        // The director's queue (submitted, by directorate, oldest first), the officer's list and the history pages.
        builder.HasIndex(m => new { m.Status, m.DirectorateId, m.SubmittedAt });

        // The approval queue and the navigation badge: the few waiting messages, in queue order, with what the
        // approver filter reads, so neither visits the table's pages scattered among 100,000 decided messages.
        builder.HasIndex(m => new { m.SubmittedAt, m.Id })
            .HasFilter("status = 'Submitted'")
            .IncludeProperties(m => new { m.AuthorId, m.DirectorateId, m.CurrentVersionId })
            .HasDatabaseName("ix_messages_waiting");

        // The history pages by (updated_at, id) (HistoryCursor): each filter it offers has an index in that order.
        builder.HasIndex(m => new { m.AuthorId, m.UpdatedAt, m.Id });
        builder.HasIndex(m => new { m.DirectorateId, m.UpdatedAt, m.Id });
        builder.HasIndex(m => new { m.Status, m.UpdatedAt, m.Id });
        builder.HasIndex(m => new { m.UpdatedAt, m.Id });

        builder.HasMany(m => m.Versions).WithOne().HasForeignKey(v => v.MessageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Approvals).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Events).WithOne().HasForeignKey(e => e.MessageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Comments).WithOne().HasForeignKey(c => c.MessageId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(m => m.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Approvals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Comments).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Two directors deciding at once: the second save finds the row changed and is refused.
        builder.Property<uint>("xmin").IsRowVersion();
    }
}

internal sealed class MessageVersionConfiguration : IEntityTypeConfiguration<MessageVersion>
{
    public void Configure(EntityTypeBuilder<MessageVersion> builder)
    {
        builder.ToTable("message_versions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Ignore(v => v.Content);
        builder.Property(v => v.TextSq).HasMaxLength(Message.TextMaxLength);
        builder.Property(v => v.TextEn).HasMaxLength(Message.TextMaxLength);
        builder.Property(v => v.AttachmentSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.PersonalDataJustification).HasMaxLength(MessageVersion.JustificationMaxLength);
        builder.HasIndex(v => new { v.MessageId, v.Number }).IsUnique();
        builder.HasOne<MessageAttachment>().WithMany().HasForeignKey(v => v.AttachmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(v => v.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Targets).WithOne().HasForeignKey(t => t.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(v => v.Targets).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MessageVersionTargetConfiguration : IEntityTypeConfiguration<MessageVersionTarget>
{
    public void Configure(EntityTypeBuilder<MessageVersionTarget> builder)
    {
        builder.ToTable("message_version_targets");
        builder.HasKey(t => new { t.VersionId, t.GroupId });
        builder.HasIndex(t => t.GroupId);
        builder.HasOne<Group>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessageAttachmentConfiguration : IEntityTypeConfiguration<MessageAttachment>
{
    public void Configure(EntityTypeBuilder<MessageAttachment> builder)
    {
        builder.ToTable("message_attachments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Ignore(a => a.ContentType);
        builder.Property(a => a.FileName).HasMaxLength(MessageAttachment.FileNameMaxLength);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();

        // The file itself is evidence, not a fact to repeat in every audit row; its hash is recorded instead.
        builder.Property(a => a.Content).ExcludedFromAudit();
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessageApprovalConfiguration : IEntityTypeConfiguration<MessageApproval>
{
    public void Configure(EntityTypeBuilder<MessageApproval> builder)
    {
        builder.ToTable("message_approvals");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(a => new { a.MessageId, a.VersionId });
        builder.HasOne<MessageVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.ApproverId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessageEventConfiguration : IEntityTypeConfiguration<MessageEvent>
{
    public void Configure(EntityTypeBuilder<MessageEvent> builder)
    {
        builder.ToTable("message_events");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Reason).HasMaxLength(Message.ReasonMaxLength);
        builder.HasIndex(e => new { e.MessageId, e.Id });
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessageCommentConfiguration : IEntityTypeConfiguration<MessageComment>
{
    public void Configure(EntityTypeBuilder<MessageComment> builder)
    {
        builder.ToTable("message_comments");
        builder.Property(c => c.Text).HasMaxLength(MessageComment.TextMaxLength);
        builder.HasIndex(c => new { c.MessageId, c.Id });
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublishingQueueEntryConfiguration : IEntityTypeConfiguration<PublishingQueueEntry>
{
    public void Configure(EntityTypeBuilder<PublishingQueueEntry> builder)
    {
        builder.ToTable("publishing_queue");
        builder.Property(q => q.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(q => new { q.MessageId, q.VersionId }).IsUnique();
        builder.HasIndex(q => new { q.Status, q.NotBefore });
        builder.HasOne<Message>().WithMany().HasForeignKey(q => q.MessageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MessageVersion>().WithMany().HasForeignKey(q => q.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MessageApproval>().WithMany().HasForeignKey(q => q.ApprovalId).OnDelete(DeleteBehavior.Restrict);
        builder.Property<uint>("xmin").IsRowVersion();
    }
}

internal sealed class StepUpVerificationConfiguration : IEntityTypeConfiguration<StepUpVerification>
{
    public void Configure(EntityTypeBuilder<StepUpVerification> builder)
    {
        builder.ToTable("step_up_verifications");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).ValueGeneratedNever();
        builder.HasOne<AppUser>().WithOne().HasForeignKey<StepUpVerification>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SpentAuthenticatorStepConfiguration : IEntityTypeConfiguration<SpentAuthenticatorStep>
{
    public void Configure(EntityTypeBuilder<SpentAuthenticatorStep> builder)
    {
        // OneTimeCodes writes this table with one INSERT … ON CONFLICT statement under these names.
        builder.ToTable("spent_authenticator_steps");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasColumnName("user_id").ValueGeneratedNever();
        builder.Property(s => s.LastStep).HasColumnName("last_step");
        builder.HasOne<AppUser>().WithOne().HasForeignKey<SpentAuthenticatorStep>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
