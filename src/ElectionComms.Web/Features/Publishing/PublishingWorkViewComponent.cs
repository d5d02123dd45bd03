using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;
using ElectionComms.Domain.Publishing;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Publishing;

/// <summary>
/// The home page's publishing panel (issue 13 item 8): what waits for this person's hands, their messages (as author
/// or approver) with failed, uncertain or overdue deliveries, and, for the Secretary General, delivery health across
/// the active election with the groups no delivery can reach.
/// </summary>
public sealed class PublishingWorkViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    /// <summary>A queued delivery this long past its send time is overdue: the dispatchers are not keeping up, or are stopped.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(5);

    public sealed record Attention(Guid MessageId, string Text, int Failed, int Uncertain, int Overdue);

    public sealed record Health(IReadOnlyDictionary<DeliveryStatus, int> ByStatus, int SentLastHour, IReadOnlyList<(int Id, string Name, string Problem)> ProblemGroups);

    public sealed record Panel(int ManualWaiting, IReadOnlyList<Attention> Messages, Health? Health);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = CurrentStaff.From(UserClaimsPrincipal);
        var cancellationToken = HttpContext.RequestAborted;
        var now = clock.GetUtcNow();
        var overdueBefore = now - OverdueAfter;

        var manual = await db.Deliveries.CountAsync(
            d => d.Method == DeliveryMethod.Manual && (d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Recalling) && d.NotBefore <= now
                && db.Groups.Any(g => g.Id == d.GroupId && g.Officers.Any(o => o.StaffMemberId == user.Id)),
            cancellationToken);

        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.AuthorId == user.Id || db.MessageApprovals.Any(a => a.MessageId == m.Id && a.VersionId == m.CurrentVersionId && a.ApproverId == user.Id))
            .Select(m => new
            {
                m.Id,
                Text = db.MessageVersions.Where(v => v.Id == m.CurrentVersionId).Select(v => v.TextSq).First(),
                Failed = db.Deliveries.Count(d => d.MessageId == m.Id && d.Status == DeliveryStatus.Failed),
                Uncertain = db.Deliveries.Count(d => d.MessageId == m.Id && d.Status == DeliveryStatus.Uncertain),
                Overdue = db.Deliveries.Count(d => d.MessageId == m.Id && d.Status == DeliveryStatus.Queued && d.Method == DeliveryMethod.Api && d.NotBefore < overdueBefore),
                m.UpdatedAt,
            })
            .Where(m => m.Failed > 0 || m.Uncertain > 0 || m.Overdue > 0)
            .OrderByDescending(m => m.UpdatedAt)
            .Take(10)
            .ToListAsync(cancellationToken);

        Health? health = null;
        if (user.Role == StaffRole.SecretaryGeneral)
        {
            var election = db.Elections.Where(e => e.State == ElectionState.Active).Select(e => e.Id);
            var deliveries = db.Deliveries.Where(d => db.Groups.Any(g => g.Id == d.GroupId && election.Contains(g.ElectionId)));
            var byStatus = await deliveries.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var sentLastHour = await deliveries.CountAsync(d => d.SentAt >= now.AddHours(-1), cancellationToken);
            var problems = await db.Groups.AsNoTracking()
                .Where(g => g.DeliveryProblem != null && election.Contains(g.ElectionId))
                .OrderByDescending(g => g.DeliveryProblemAt)
                .Take(20)
                .Select(g => new { g.Id, g.Name, g.DeliveryProblem })
                .ToListAsync(cancellationToken);
            health = new Health(byStatus, sentLastHour, [.. problems.Select(p => (p.Id, p.Name, p.DeliveryProblem!))]);
        }

        return View(new Panel(manual, [.. messages.Select(m => new Attention(m.Id, m.Text, m.Failed, m.Uncertain, m.Overdue))], health));
    }
}
