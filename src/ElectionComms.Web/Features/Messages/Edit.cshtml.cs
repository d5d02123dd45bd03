using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Messages;

/// <summary>
/// An officer drafts a message to the groups they relay to (§7), or changes one: every change is a new version and
/// voids any earlier submission or approval.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class EditModel(AppDbContext db, MessageAccess access, PageChanges changes, IStringLocalizer<Strings> localizer, TimeProvider clock) : PageModel
{
    private const long MaxRequestBytes = AttachmentContent.MaxBytes + (1024 * 1024);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<GroupOption> Groups { get; private set; } = [];

    public Guid? MessageId { get; private set; }

    public string? CurrentAttachment { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } messageId)
        {
            var message = await OwnEditableAsync(messageId, cancellationToken);
            if (message is null)
            {
                return NotFound();
            }

            var version = message.CurrentVersion;
            Input = new InputModel
            {
                TextSq = version.TextSq,
                TextEn = version.TextEn,
                SendAt = version.SendAt is { } at ? PortalTime.ToLocal(at) : null,
                IsTest = version.IsTest,
                AsksAcknowledgement = version.AsksAcknowledgement,
                GroupIds = version.Targets.Select(t => t.GroupId).ToList(),
            };
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        var me = CurrentStaff.From(User);
        Message? message = null;
        if (id is { } messageId)
        {
            message = await OwnEditableAsync(messageId, cancellationToken);
            if (message is null)
            {
                return NotFound();
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        return await changes.FormAsync(
            this,
            "Error.Message.Concurrency",
            async () =>
            {
                var author = await db.Staff.SingleAsync(s => s.Id == me.Id, cancellationToken);
                var now = clock.GetUtcNow();
                var attachment = await AttachmentAsync(message, me.Id, now, cancellationToken);
                var draft = new MessageDraft(Input.TextSq ?? string.Empty, Input.TextEn, attachment, SendAtUtc(), Input.IsTest, Input.AsksAcknowledgement);
                var targets = await access.TargetsAsync(me.Id, Input.GroupIds, cancellationToken);
                if (message is null)
                {
                    message = Message.Draft(author, draft, targets, now);
                    db.Messages.Add(message);
                }
                else
                {
                    message.Edit(author, draft, targets, now);
                }

                if (attachment is not null && db.Entry(attachment).State == EntityState.Detached)
                {
                    db.MessageAttachments.Add(attachment);
                }

                await db.SaveChangesAsync(cancellationToken);
                var status = localizer[id is null ? "Messages.Drafted" : "Messages.Edited", message.CurrentVersionNumber].Value;
                return new Done(status, "./Details", new { id = message.Id });
            },
            async () =>
            {
                await LoadAsync(id, cancellationToken);
                return Page();
            },
            routeValues: null);
    }

    /// <summary>A new upload replaces the attachment; otherwise the current one stays unless the author removes it.</summary>
    private async Task<MessageAttachment?> AttachmentAsync(Message? message, Guid authorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Input.Attachment is { Length: > 0 } file)
        {
            if (file.Length > AttachmentContent.MaxBytes)
            {
                throw new DomainException("Message.AttachmentTooLarge", AttachmentContent.MaxBytes / (1024 * 1024));
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            return MessageAttachment.Upload(file.FileName, buffer.ToArray(), authorId, now);
        }

        if (Input.RemoveAttachment || message?.CurrentVersion.AttachmentId is not { } attachmentId)
        {
            return null;
        }

        return await db.MessageAttachments.SingleAsync(a => a.Id == attachmentId, cancellationToken);
    }

    private DateTimeOffset? SendAtUtc()
    {
        if (Input.SendAt is not { } local)
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, PortalTime.Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    private async Task<Message?> OwnEditableAsync(Guid id, CancellationToken cancellationToken)
    {
        var message = await access.LoadAsync(id, cancellationToken);
        return message is not null && message.AuthorId == CurrentStaff.From(User).Id ? message : null;
    }

    private async Task LoadAsync(Guid? id, CancellationToken cancellationToken)
    {
        MessageId = id;
        var me = CurrentStaff.From(User);
        var chosen = Input.GroupIds;
        Groups = await db.Groups.AsNoTracking()
            .Where(g => access.Transmittable(me.Id).Any(t => t.Id == g.Id) || chosen.Contains(g.Id))
            .OrderBy(g => g.IsTestGroup).ThenBy(g => g.Name)
            .Select(g => new GroupOption(g.Id, g.Name, g.Platform, g.IsTestGroup))
            .ToListAsync(cancellationToken);
        if (id is { } messageId)
        {
            CurrentAttachment = await db.Messages.Where(m => m.Id == messageId)
                .SelectMany(m => db.MessageVersions.Where(v => v.Id == m.CurrentVersionId))
                .SelectMany(v => db.MessageAttachments.Where(a => a.Id == v.AttachmentId))
                .Select(a => a.FileName)
                .SingleOrDefaultAsync(cancellationToken);
        }
    }

    public sealed record GroupOption(int Id, string Name, Platform Platform, bool IsTestGroup);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Messages.TextSq")]
        public string? TextSq { get; set; }

        [Display(Name = "Messages.TextEn")]
        public string? TextEn { get; set; }

        [Display(Name = "Messages.SendAt")]
        public DateTime? SendAt { get; set; }

        [Display(Name = "Messages.IsTest")]
        public bool IsTest { get; set; }

        [Display(Name = "Messages.AsksAcknowledgement")]
        public bool AsksAcknowledgement { get; set; }

        [Display(Name = "Messages.Groups")]
        public List<int> GroupIds { get; set; } = [];

        [Display(Name = "Messages.Attachment")]
        public IFormFile? Attachment { get; set; }

        [Display(Name = "Messages.RemoveAttachment")]
        public bool RemoveAttachment { get; set; }
    }
}
