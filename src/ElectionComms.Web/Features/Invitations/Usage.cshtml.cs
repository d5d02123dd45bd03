using ElectionComms.Domain.Invitations;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Features.Invitations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Invitations;

/// <summary>
/// Usage report of one group's invitations (§5b): per invitation how many opened the page, were refused and were
/// given the platform's link; refusals by reason; the latest events with masked numbers only (§10).
/// </summary>
public sealed class UsageModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public const int RecentEvents = 100;

    public int GroupId { get; private set; }

    public string GroupName { get; private set; } = string.Empty;

    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public IReadOnlyList<ReasonCount> Reasons { get; private set; } = [];

    public IReadOnlyList<EventRow> Events { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(User, new InvitationResource(id), InvitationRequirement.View))
        {
            return await db.Groups.AnyAsync(g => g.Id == id, cancellationToken) ? Forbid() : NotFound();
        }

        GroupId = id;
        Now = clock.GetUtcNow();
        GroupName = await db.Groups.Where(g => g.Id == id).Select(g => g.Name).SingleAsync(cancellationToken);
        var invitations = db.Invitations.Where(i => i.GroupId == id);
        Invitations = await InvitationRows.Project(db, invitations.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)).ToListAsync(cancellationToken);
        var uses = db.InvitationUses.Where(u => invitations.Any(i => i.Id == u.InvitationId));
        Reasons = await uses.Where(u => u.Outcome == UseOutcome.Refused)
            .GroupBy(u => u.Reason)
            .OrderBy(g => g.Key)
            .Select(g => new ReasonCount(g.Key!.Value, g.Count()))
            .ToListAsync(cancellationToken);
        Events = await uses.OrderByDescending(u => u.Id).Take(RecentEvents)
            .Select(u => new EventRow(u.InvitationId, u.At, u.Outcome, u.Reason, u.MaskedPhone))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record ReasonCount(RefusalReason Reason, int Count);

    public sealed record EventRow(int InvitationId, DateTimeOffset At, UseOutcome Outcome, RefusalReason? Reason, string? MaskedPhone);
}
