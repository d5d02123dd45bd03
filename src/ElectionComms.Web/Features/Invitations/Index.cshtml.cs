using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Invitations;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Features.Invitations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Invitations;

/// <summary>The groups whose invitations the user may see (§5b), with how many invitations are in force and used.</summary>
public sealed class IndexModel(AppDbContext db, InvitationAccess access, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public AdministrationLevel? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Groups { get; private set; } = default!;

    public bool MayIssue { get; private set; }

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        [nameof(Search)] = Search,
        [nameof(Level)] = Level?.ToString(),
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        MayIssue = user.Is(StaffRole.Clerk);
        var active = Invitation.ActiveAt(clock.GetUtcNow());
        var groups = access.Viewable(user);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            groups = groups.Where(g => EF.Functions.ILike(g.Name, TextSearch.Contains(Search)));
        }

        if (Level is { } level)
        {
            groups = groups.Where(g => g.Level == level);
        }

        Groups = await Paged<Row>.ReadAsync(
            groups.OrderBy(g => g.Name).ThenBy(g => g.Id),
            g => g.Id,
            g => new Row(
                g.Id,
                g.Name,
                g.Level,
                g.Platform,
                g.UsesJoinRequests ? g.BotStartLink != null : g.JoinLink != null,
                db.Invitations.Where(active).Count(i => i.GroupId == g.Id),
                db.Invitations.Where(i => i.GroupId == g.Id).Sum(i => i.UseCount)),
            PageNumber,
            PageSize,
            cancellationToken);
    }

    public sealed record Row(int Id, string Name, AdministrationLevel Level, Platform Platform, bool HasLink, int Active, int Uses);
}
