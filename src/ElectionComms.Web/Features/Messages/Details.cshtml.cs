using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Messages;

/// <summary>
/// One message: the author submits or withdraws it; the responsible superior reviews it (preview as on the
/// platform, changes since the last version, personal-data findings, comments, history) and approves, sends back or
/// rejects it (§7, §10). The decision forms carry the content hash the director saw; a changed message refuses them.
/// </summary>
public sealed class DetailsModel(
    AppDbContext db, MessageAccess access, MessageDecisions decisions, IAuthorizationService authorization, StepUp stepUp, PageChanges changes,
    IStringLocalizer<Strings> localizer, TimeProvider clock) : PageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public MessageView Message { get; private set; } = default!;

    public IReadOnlyList<VersionView> Versions { get; private set; } = [];

    public IReadOnlyList<TargetView> Targets { get; private set; } = [];

    /// <summary>Where the approved version stands in each target group (issue 13), empty until it is approved.</summary>
    public IReadOnlyList<DeliveryView> Deliveries { get; private set; } = [];

    public bool MayDecideDeliveries { get; private set; }

    /// <summary>How many people pressed "Konfirmo / Confirm" (issue 14).</summary>
    public int Acknowledged { get; private set; }

    /// <summary>The author or the approver may stop the message while deliveries have not started (§7).</summary>
    public bool MayCancel { get; private set; }

    /// <summary>The approver or the Secretary General may take back what was posted (step-up).</summary>
    public bool MayRecall { get; private set; }

    /// <summary>Some delivery is still on its way: the delivery table refreshes itself.</summary>
    public bool DeliveriesMoving => Deliveries.Any(d => d.Status is Domain.Publishing.DeliveryStatus.Queued or Domain.Publishing.DeliveryStatus.Sending or Domain.Publishing.DeliveryStatus.Recalling);

    public IReadOnlyList<EventView> Timeline { get; private set; } = [];

    public IReadOnlyList<CommentView> Comments { get; private set; } = [];

    public IReadOnlyList<PersonalDataFinding> FindingsSq { get; private set; } = [];

    public IReadOnlyList<PersonalDataFinding> FindingsEn { get; private set; } = [];

    public bool IsAuthor { get; private set; }

    public bool MayComment { get; private set; }

    public bool MayDecide { get; private set; }

    public bool StepUpFresh { get; private set; }

    public VersionView Current => Versions[0];

    /// <summary>The version the reviewer compares with: the last one submitted before, else the one before.</summary>
    public VersionView? Previous { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (!await MayAsync(id, MessageRequirement.Read))
        {
            return NotFound();
        }

        var attachment = await db.MessageVersions.Where(v => v.MessageId == id && v.AttachmentId == attachmentId)
            .SelectMany(v => db.MessageAttachments.Where(a => a.Id == v.AttachmentId))
            .Select(a => new { a.Content, a.Kind, a.FileName })
            .FirstOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return NotFound();
        }

        var type = attachment.Kind switch
        {
            AttachmentKind.Pdf => "application/pdf",
            AttachmentKind.Png => "image/png",
            _ => "image/jpeg",
        };
        return File(attachment.Content, type, attachment.FileName);
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, MessageRequirement.Read, "Messages.SubmittedDone", opened => decisions.SubmitAsync(opened, Input.Justification, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, MessageRequirement.Read, "Messages.WithdrawnDone", opened => decisions.WithdrawAsync(opened, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, MessageRequirement.Read, "Messages.ApprovedDone", opened => decisions.ApproveAsync(opened, Input.ContentHash ?? string.Empty, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRequestChangesAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, MessageRequirement.Read, "Messages.ChangesRequestedDone", opened => decisions.RequestChangesAsync(opened, Input.ContentHash ?? string.Empty, Input.Reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, MessageRequirement.Read, "Messages.RejectedDone", opened => decisions.RejectAsync(opened, Input.ContentHash ?? string.Empty, Input.Reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, MessageRequirement.Comment, "Messages.CommentedDone", opened => decisions.CommentAsync(opened, Input.Comment, cancellationToken), cancellationToken);

    /// <summary>The delivery table alone, for the page's refresh during a fan-out (wwwroot/js/deliveries.js).</summary>
    public async Task<IActionResult> OnGetDeliveriesAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Partial("_Deliveries", this);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, MessageRequirement.Read, "Messages.CancelledDone", opened => decisions.CancelAsync(opened, Input.Reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRecallAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, MessageRequirement.Read, "Messages.RecalledDone", opened => decisions.RecallAsync(opened, Input.Reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResendAsync(Guid id, long deliveryId, CancellationToken cancellationToken) =>
        DecideAsync(id, MessageRequirement.Read, "Deliveries.ResentDone", opened => decisions.ResendDeliveryAsync(opened, deliveryId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostConfirmDeliveredAsync(Guid id, long deliveryId, CancellationToken cancellationToken) =>
        DecideAsync(id, MessageRequirement.Read, "Deliveries.ConfirmedDone", opened => decisions.ConfirmDeliveredAsync(opened, deliveryId, cancellationToken), cancellationToken);

    /// <summary>A message the user may not read is not found; one they read but may not act on in this way is forbidden.</summary>
    private async Task<IActionResult> DecideAsync(
        Guid id, MessageRequirement requirement, string doneKey, Func<MessageDecisions.Opened, Task> decide, CancellationToken cancellationToken)
    {
        if (!await MayAsync(id, MessageRequirement.Read))
        {
            return NotFound();
        }

        if (requirement != MessageRequirement.Read && !await MayAsync(id, requirement))
        {
            return Forbid();
        }

        var opened = await decisions.OpenAsync(id, CurrentStaff.From(User), cancellationToken);
        if (opened is null)
        {
            return NotFound();
        }

        // Another director decided, or the author changed the message, in the same moment: "changed meanwhile".
        return await changes.FormAsync(
            this,
            "Error.Message.Concurrency",
            async () =>
            {
                await decide(opened);
                return localizer[doneKey].Value;
            },
            async () => await LoadAsync(id, cancellationToken) ?? Page(),
            new { id });
    }

    private async Task<bool> MayAsync(Guid id, MessageRequirement requirement) =>
        await authorization.MayAsync(User, new MessageResource(id), requirement);

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        var english = Cultures.IsEnglish;
        var awaiting = await access.AwaitingDecisionAsync(user, cancellationToken);
        var lastVerified = stepUp.LastVerified(user.Id);

        // The message, its versions, whether this user may decide and their last step-up: one statement.
        var loaded = await (await access.ReadableAsync(user, cancellationToken))
            .Where(m => m.Id == id)
            .Select(m => new
            {
                View = new MessageView(
                    m.Id,
                    m.AuthorId,
                    db.Staff.Where(s => s.Id == m.AuthorId).Select(s => s.FullName).First(),
                    db.Directorates.Where(d => d.Id == m.DirectorateId).Select(d => english ? d.NameEn : d.NameSq).First(),
                    m.Status,
                    m.IsTest,
                    m.SendAt,
                    m.CreatedAt,
                    m.SubmittedAt,
                    m.CurrentVersionId,
                    m.CurrentContentHash,
                    m.DecisionReason),
                Versions = db.MessageVersions
                    .Where(v => v.MessageId == m.Id)
                    .OrderByDescending(v => v.Number)
                    .Select(v => new VersionView(
                        v.Id, v.Number, v.TextSq, v.TextEn, v.ContentHash, v.CreatedAt, v.SubmittedAt, v.PersonalDataJustification, v.SendAt, v.IsTest,
                        v.AttachmentId,
                        db.MessageAttachments.Where(a => a.Id == v.AttachmentId).Select(a => a.FileName).FirstOrDefault(),
                        db.MessageAttachments.Where(a => a.Id == v.AttachmentId).Select(a => (AttachmentKind?)a.Kind).FirstOrDefault(),
                        v.AsksAcknowledgement))
                    .ToList(),
                MayDecide = awaiting.Any(a => a.Id == m.Id),
                StepUpAt = lastVerified.FirstOrDefault(),
            })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        var message = loaded.View;
        Message = message;
        IsAuthor = message.AuthorId == user.Id;
        MayComment = MessageAccess.MayComment(user, message.AuthorId);
        Versions = loaded.Versions;
        Previous = Versions.Skip(1).FirstOrDefault(v => v.SubmittedAt is not null) ?? Versions.Skip(1).FirstOrDefault();
        Targets = await db.MessageVersionTargets.AsNoTracking()
            .Where(t => t.VersionId == message.CurrentVersionId)
            .Join(db.Groups, t => t.GroupId, g => g.Id, (t, g) => g)
            .OrderBy(g => g.Name)
            .Select(g => new TargetView(g.Id, g.Name, g.Platform, g.IsTestGroup))
            .ToListAsync(cancellationToken);
        Deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => d.MessageId == id)
            .Join(db.Groups, d => d.GroupId, g => g.Id, (d, g) => new { d, g.Name })
            .OrderBy(x => x.Name).ThenBy(x => x.d.Id)
            .Select(x => new DeliveryView(x.d.Id, x.Name, x.d.Platform, x.d.Method, x.d.Status, x.d.Attempts, x.d.NotBefore, x.d.SentAt, x.d.PlatformMessageId, x.d.Reason, x.d.RecalledAt,
                x.d.Platform == Platform.KqzApp ? db.AppInbox.Count(i => i.DeliveryId == x.d.Id) : null,
                x.d.Platform == Platform.KqzApp ? db.AppInbox.Count(i => i.DeliveryId == x.d.Id && i.ReadAt != null) : null))
            .ToListAsync(cancellationToken);
        var approvers = await db.MessageApprovals.Where(a => a.MessageId == id && a.VersionId == message.CurrentVersionId).Select(a => a.ApproverId).ToListAsync(cancellationToken);
        MayDecideDeliveries = Deliveries.Count > 0 && MessageDecisions.MayDecideDeliveries(approvers, user.Id, user.Role);
        Acknowledged = await db.Acknowledgements.CountAsync(a => a.MessageId == id, cancellationToken);
        MayCancel = Domain.Messages.Message.CancellableStates.Contains(message.Status) && Domain.Messages.Message.MayCancel(user.Id, message.AuthorId, approvers);
        MayRecall = MayDecideDeliveries && Domain.Messages.Message.RecallableStates.Contains(message.Status)
            && Deliveries.Any(d => d.Status == Domain.Publishing.DeliveryStatus.Sent);
        Timeline = await db.MessageEvents.AsNoTracking()
            .Where(e => e.MessageId == id)
            .OrderByDescending(e => e.Id)
            .Select(e => new EventView(e.At, e.Kind, db.Staff.Where(s => s.Id == e.ActorId).Select(s => s.FullName).FirstOrDefault(), e.VersionNumber, e.ContentHash, e.Reason))
            .ToListAsync(cancellationToken);
        Comments = await db.MessageComments.AsNoTracking()
            .Where(c => c.MessageId == id)
            .OrderBy(c => c.Id)
            .Select(c => new CommentView(c.At, db.Staff.Where(s => s.Id == c.AuthorId).Select(s => s.FullName).First(), c.VersionNumber, c.Text))
            .ToListAsync(cancellationToken);
        FindingsSq = PersonalDataScanner.Scan(Current.TextSq);
        FindingsEn = Current.TextEn is null ? [] : PersonalDataScanner.Scan(Current.TextEn);
        MayDecide = loaded.MayDecide;
        StepUpFresh = (MayDecide || MayRecall) && loaded.StepUpAt is { } at && clock.GetUtcNow() - at <= Domain.Messages.Message.StepUpWindow;

        // The decision form always carries the hash of what this page shows now: a retry is a new look, not a replay.
        Input = new DecisionInput { ContentHash = message.ContentHash, Justification = Input.Justification, Reason = Input.Reason };
        ModelState.Remove($"{nameof(Input)}.{nameof(DecisionInput.ContentHash)}");
        return null;
    }

    public IEnumerable<Platform> PreviewPlatforms => Targets.Select(t => t.Platform).Distinct().Order();

    public sealed record MessageView(
        Guid Id, Guid AuthorId, string Author, string Directorate, MessageStatus Status, bool IsTest, DateTimeOffset? SendAt,
        DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, Guid CurrentVersionId, string ContentHash, string? DecisionReason);

    public sealed record VersionView(
        Guid Id, int Number, string TextSq, string? TextEn, string ContentHash, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt,
        string? Justification, DateTimeOffset? SendAt, bool IsTest, Guid? AttachmentId, string? AttachmentName, AttachmentKind? AttachmentKind,
        bool AsksAcknowledgement);

    public sealed record TargetView(int Id, string Name, Platform Platform, bool IsTestGroup);

    public sealed record DeliveryView(
        long Id, string Group, Platform Platform, Domain.Publishing.DeliveryMethod Method, Domain.Publishing.DeliveryStatus Status, int Attempts,
        DateTimeOffset NotBefore, DateTimeOffset? SentAt, string? PlatformMessageId, string? Reason, DateTimeOffset? RecalledAt,
        int? AppInboxes = null, int? AppRead = null);

    public sealed record EventView(DateTimeOffset At, MessageEventKind Kind, string? Actor, int VersionNumber, string ContentHash, string? Reason);

    public sealed record CommentView(DateTimeOffset At, string Author, int VersionNumber, string Text);

    public sealed class DecisionInput
    {
        public string? ContentHash { get; set; }

        [Display(Name = "Messages.Reason")]
        public string? Reason { get; set; }

        [Display(Name = "Messages.Justification")]
        public string? Justification { get; set; }

        [Display(Name = "Messages.Comment")]
        public string? Comment { get; set; }
    }
}
