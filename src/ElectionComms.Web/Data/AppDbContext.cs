using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Invitations;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data.Audit;
using ElectionComms.Web.Data.Views;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Data;

public sealed class AppDbContext(
    DbContextOptions<AppDbContext> options,
    IAuditActorSource? actors = null,
    TimeProvider? clock = null,
    ReadModelCache? readModels = null)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    private bool changedInTransaction;

    public DbSet<Directorate> Directorates => Set<Directorate>();

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<Election> Elections => Set<Election>();

    public DbSet<Qark> Qarqe => Set<Qark>();

    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<Kzaz> Kzazs => Set<Kzaz>();

    public DbSet<VotingCentre> VotingCentres => Set<VotingCentre>();

    public DbSet<CountingCentre> CountingCentres => Set<CountingCentre>();

    public DbSet<CountingGroup> CountingGroups => Set<CountingGroup>();

    public DbSet<TechnicalTeam> TechnicalTeams => Set<TechnicalTeam>();

    public DbSet<OfficialAccount> OfficialAccounts => Set<OfficialAccount>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<GroupOfficer> GroupOfficers => Set<GroupOfficer>();

    public DbSet<TransmitGrant> TransmitGrants => Set<TransmitGrant>();

    public DbSet<LogoVersion> LogoVersions => Set<LogoVersion>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PhoneReveal> PhoneReveals => Set<PhoneReveal>();

    public DbSet<ReconciliationRun> ReconciliationRuns => Set<ReconciliationRun>();

    public DbSet<ReconciliationEntry> ReconciliationEntries => Set<ReconciliationEntry>();

    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<MessageVersion> MessageVersions => Set<MessageVersion>();

    public DbSet<MessageVersionTarget> MessageVersionTargets => Set<MessageVersionTarget>();

    public DbSet<MessageAttachment> MessageAttachments => Set<MessageAttachment>();

    public DbSet<MessageApproval> MessageApprovals => Set<MessageApproval>();

    public DbSet<MessageEvent> MessageEvents => Set<MessageEvent>();

    public DbSet<MessageComment> MessageComments => Set<MessageComment>();

    public DbSet<PublishingQueueEntry> PublishingQueue => Set<PublishingQueueEntry>();

    public DbSet<ElectionComms.Domain.Publishing.Delivery> Deliveries => Set<ElectionComms.Domain.Publishing.Delivery>();

    public DbSet<StepUpVerification> StepUpVerifications => Set<StepUpVerification>();

    public DbSet<SpentAuthenticatorStep> SpentAuthenticatorSteps => Set<SpentAuthenticatorStep>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<InvitationUse> InvitationUses => Set<InvitationUse>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ElectionComms.Domain.PlatformEvents.InboxUpdate> InboxUpdates => Set<ElectionComms.Domain.PlatformEvents.InboxUpdate>();

    public DbSet<ElectionComms.Domain.PlatformEvents.PlatformIdentity> PlatformIdentities => Set<ElectionComms.Domain.PlatformEvents.PlatformIdentity>();

    public DbSet<ElectionComms.Domain.PlatformEvents.MemberEvent> MemberEvents => Set<ElectionComms.Domain.PlatformEvents.MemberEvent>();

    public DbSet<ElectionComms.Domain.PlatformEvents.BotAction> BotActions => Set<ElectionComms.Domain.PlatformEvents.BotAction>();

    public DbSet<ElectionComms.Domain.PlatformEvents.Acknowledgement> Acknowledgements => Set<ElectionComms.Domain.PlatformEvents.Acknowledgement>();

    public DbSet<ElectionComms.Domain.PlatformEvents.StaffPlatformLink> StaffPlatformLinks => Set<ElectionComms.Domain.PlatformEvents.StaffPlatformLink>();

    public DbSet<ElectionComms.Domain.PlatformEvents.GroupAdministrationCheck> GroupAdministrationChecks => Set<ElectionComms.Domain.PlatformEvents.GroupAdministrationCheck>();

    public DbSet<ElectionComms.Domain.MemberApp.AppDevice> AppDevices => Set<ElectionComms.Domain.MemberApp.AppDevice>();

    public DbSet<ElectionComms.Domain.MemberApp.AppInboxItem> AppInbox => Set<ElectionComms.Domain.MemberApp.AppInboxItem>();

    public DbSet<ElectionComms.Domain.MemberApp.AppPushSubscription> AppPushSubscriptions => Set<ElectionComms.Domain.MemberApp.AppPushSubscription>();

    /// <summary>Every save writes its audit rows in the same transaction, or nothing at all is saved.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = AuditTrail.Capture(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var actor = (actors ?? new FixedActor()).Current;
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        await using var transaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;

        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AuditEntries.AddRange(pending.Select(p => AuditTrail.ToRow(p, actor, now)));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        ReadModelsChanged();
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>Who and when for audit rows of a bulk SQL write (ADR 0013), as <see cref="SaveChangesAsync(bool, CancellationToken)"/> would record them.</summary>
    internal (AuditActor Actor, DateTimeOffset Now) AuditContext() =>
        ((actors ?? new FixedActor()).Current, (clock ?? TimeProvider.System).GetUtcNow());

    /// <summary>
    /// Rows changed in the current transaction (a save, or a bulk SQL write outside the change tracker): cached read
    /// models become stale when it commits (<see cref="ReadModelInvalidation"/>), not before, and stay valid if it
    /// rolls back.
    /// </summary>
    internal void ReadModelsChanged() => changedInTransaction = true;

    /// <summary>The payload of the "read_models" notification this transaction must send as it commits, or null when it changed nothing cached.</summary>
    internal string? ReadModelsNotice() => changedInTransaction ? readModels?.Instance : null;

    internal void TransactionEnded(bool committed)
    {
        if (committed && changedInTransaction)
        {
            readModels?.Invalidate();
        }

        changedInTransaction = false;
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(ReadModelInvalidation.Instance);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync so that the audit trail is written in the same transaction.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.HasDbFunction(typeof(InventorySql).GetMethod(nameof(InventorySql.ScopeName))!).HasName("scope_name");
    }

    private sealed class FixedActor : IAuditActorSource
    {
        public AuditActor Current => AuditActor.System;
    }
}
