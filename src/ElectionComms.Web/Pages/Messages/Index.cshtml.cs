using ElectionComms.Domain.Messaging;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using ElectionComms.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Pages.Messages;

/// <summary>Message history: the author's own messages, a director's directorate, everything for the Secretary General
/// and auditors. Filtered, ordered and paged in SQL on indexed columns (national scale: 100,000 messages).</summary>
public sealed class IndexModel(AppDbContext db, MessageAccess access) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public MessageStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Messages { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        var query = await access.ReadableAsync(user, cancellationToken);
        if (Mine)
        {
            query = query.Where(m => m.AuthorId == user.Id);
        }

        if (Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        Messages = await Paged<Row>.ReadAsync(
            query.OrderByDescending(m => m.UpdatedAt).ThenByDescending(m => m.Id),
            m => new Row(
                m.Id,
                m.UpdatedAt,
                db.Staff.Where(s => s.Id == m.AuthorId).Select(s => s.FullName).First(),
                db.MessageVersions.Where(v => v.Id == m.CurrentVersionId).Select(v => v.TextSq.Substring(0, 120)).First(),
                db.MessageVersionTargets.Count(t => t.VersionId == m.CurrentVersionId),
                m.Status,
                m.IsTest,
                m.CurrentVersionNumber,
                m.SendAt),
            PageNumber,
            PageSize,
            cancellationToken);
    }

    public IReadOnlyDictionary<string, string?> RouteValues => new Dictionary<string, string?>
    {
        ["Status"] = Status?.ToString(),
        ["Mine"] = Mine ? "true" : null,
    };

    public sealed record Row(
        Guid Id, DateTimeOffset UpdatedAt, string Author, string Excerpt, int Groups, MessageStatus Status, bool IsTest, int Version, DateTimeOffset? SendAt);
}
