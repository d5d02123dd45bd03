using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionComms.Web.Features.Messages;

/// <summary>The director's approval queue (§7): submitted messages they may decide on, oldest first, with age and deadline.</summary>
public sealed class QueueModel(AppDbContext db, MessageAccess access, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Pending { get; private set; } = default!;

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var waiting = (await access.AwaitingDecisionAsync(CurrentStaff.From(User), cancellationToken))
            .OrderBy(m => m.SubmittedAt).ThenBy(m => m.Id);
        Pending = await Paged<Row>.ReadAsync(
            waiting,
            m => m.Id,
            m => new Row(
                m.Id,
                m.SubmittedAt!.Value,
                m.SendAt,
                db.Staff.Where(s => s.Id == m.AuthorId).Select(s => s.FullName).First(),
                db.MessageVersions.Where(v => v.Id == m.CurrentVersionId).Select(v => v.TextSq.Substring(0, 120)).First(),
                db.MessageVersionTargets.Count(t => t.VersionId == m.CurrentVersionId),
                m.IsTest,
                m.CurrentVersionNumber,
                db.MessageVersions.Where(v => v.Id == m.CurrentVersionId).Select(v => v.PersonalDataJustification != null).First()),
            PageNumber,
            PageSize,
            cancellationToken);
    }

    public sealed record Row(
        Guid Id, DateTimeOffset SubmittedAt, DateTimeOffset? SendAt, string Author, string Excerpt, int Groups, bool IsTest, int Version, bool HasPersonalData);
}
