using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Messages;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Messages;

/// <summary>
/// Message history: the author's own messages, a director's directorate, everything for the Secretary General and
/// auditors; newest change first, filtered by status, author and dates. At national scale (100,000 messages) it pages
/// by key ("older" / "newer" than a row) and counts up to <see cref="CountLimit"/>, so every page costs the same.
/// </summary>
public sealed class IndexModel(AppDbContext db, MessageAccess access, IStringLocalizer<Strings> localizer) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Counting every readable message would walk all of them on each page; past this the page says "more than".</summary>
    public const int CountLimit = 1_000;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Messages.Status")]
    public MessageStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Messages.OnlyMine")]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Messages.From")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Messages.Until")]
    public DateOnly? Until { get; set; }

    /// <summary>A cursor: show the messages changed before this row.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Older { get; set; }

    /// <summary>A cursor: show the messages changed after this row.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Newer { get; set; }

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public int Count { get; private set; }

    public bool CountIsLimited => Count > CountLimit;

    public HistoryCursor? OlderThan { get; private set; }

    public HistoryCursor? NewerThan { get; private set; }

    public bool IsNewest => Older is null && Newer is null;

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

        if (From is { } from && Until is { } until && from > until)
        {
            ModelState.AddModelError(nameof(Until), localizer["Messages.DatesReversed"]);
            return;
        }

        if (From is { } start)
        {
            var since = PortalTime.StartOfDay(start);
            query = query.Where(m => m.UpdatedAt >= since);
        }

        if (Until is { } end)
        {
            var before = PortalTime.StartOfDay(end.AddDays(1));
            query = query.Where(m => m.UpdatedAt < before);
        }

        await ReadPageAsync(query, cancellationToken);
    }

    // The capped count reads at most CountLimit + 1 rows, in the history's own index order: a row limit without an
    // ORDER BY has no defined rows and EF warns about it (issue 11).
    private static IQueryable<Message> CountWindow(IQueryable<Message> query) =>
        query.OrderByDescending(m => m.UpdatedAt).ThenByDescending(m => m.Id).Take(CountLimit + 1);

    private async Task ReadPageAsync(IQueryable<Message> query, CancellationToken cancellationToken)
    {
        var olderGiven = Older is not null;
        var newerGiven = Newer is not null && !olderGiven;
        HistoryCursor cursor = default;
        if ((olderGiven && !HistoryCursor.TryParse(Older, out cursor)) || (newerGiven && !HistoryCursor.TryParse(Newer, out cursor)))
        {
            // An edited or cut link: say so and start from the newest messages rather than fail.
            ModelState.AddModelError(string.Empty, localizer["Messages.CursorInvalid"]);
            olderGiven = newerGiven = false;
            Older = Newer = null;
        }

        // Row-value comparisons, (updated_at, id) < (…), follow the index on both columns in either direction.
        var page = newerGiven
            ? query.Where(m => EF.Functions.GreaterThan(ValueTuple.Create(m.UpdatedAt, m.Id), ValueTuple.Create(cursor.At, cursor.Id)))
                .OrderBy(m => m.UpdatedAt).ThenBy(m => m.Id)
            : (olderGiven ? query.Where(m => EF.Functions.LessThan(ValueTuple.Create(m.UpdatedAt, m.Id), ValueTuple.Create(cursor.At, cursor.Id))) : query)
                .OrderByDescending(m => m.UpdatedAt).ThenByDescending(m => m.Id);

        var window = CountWindow(query);

        // The capped count rides along as an uncorrelated subquery (computed once): one round trip per page.
        var rows = await page.Take(PageSize + 1).Select(m => new
        {
            Row = new Row(
                m.Id,
                m.UpdatedAt,
                db.Staff.Where(s => s.Id == m.AuthorId).Select(s => s.FullName).First(),
                db.MessageVersions.Where(v => v.Id == m.CurrentVersionId).Select(v => v.TextSq.Substring(0, 120)).First(),
                db.MessageVersionTargets.Count(t => t.VersionId == m.CurrentVersionId),
                m.Status,
                m.IsTest,
                m.CurrentVersionNumber,
                m.SendAt),
            Count = window.Count(),
        })
            .ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        var shown = rows.Take(PageSize).Select(r => r.Row);
        Items = newerGiven ? shown.Reverse().ToList() : shown.ToList();
        if (Items.Count == 0)
        {
            // Nothing newest means nothing at all; an empty older or newer page (rows gone since) counts apart.
            Count = olderGiven || newerGiven ? await window.CountAsync(cancellationToken) : 0;
            return;
        }

        Count = rows[0].Count;

        var (hasNewer, hasOlder) = newerGiven ? (more, true) : (olderGiven, more);
        NewerThan = hasNewer ? new HistoryCursor(Items[0].UpdatedAt, Items[0].Id) : null;
        OlderThan = hasOlder ? new HistoryCursor(Items[^1].UpdatedAt, Items[^1].Id) : null;
    }

    /// <summary>The filters, kept on every paging link.</summary>
    public Dictionary<string, string> Filters(string? cursorName = null, HistoryCursor? cursor = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Status"] = Status?.ToString(),
            ["Mine"] = Mine ? "true" : null,
            ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Until"] = Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (cursorName is not null)
        {
            values[cursorName] = cursor?.ToString();
        }

        return values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!);
    }

    public sealed record Row(
        Guid Id, DateTimeOffset UpdatedAt, string Author, string Excerpt, int Groups, MessageStatus Status, bool IsTest, int Version, DateTimeOffset? SendAt);
}
