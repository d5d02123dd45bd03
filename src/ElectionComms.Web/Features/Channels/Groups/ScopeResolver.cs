using System.Globalization;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Channels.Groups;

/// <summary>
/// Turns what a director types for a scope into the unit it names in this election: a qark or municipality id,
/// a KZAZ number (<c>27</c>), a voting-centre number (<c>0119/1</c>), a counting group as KZAZ/GNV (<c>27/3</c>),
/// or for technical staff the KZAZ number of the team.
/// </summary>
public sealed class ScopeResolver(AppDbContext db)
{
    public async Task<GroupScope> ResolveAsync(int electionId, AdministrationLevel level, ScopeKind kind, string? reference, CancellationToken cancellationToken)
    {
        if (kind == ScopeKind.National)
        {
            return GroupScope.National;
        }

        var text = reference?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new DomainException("Group.ScopeTargetRequired");
        }

        var id = (kind, level) switch
        {
            (ScopeKind.Qark, _) => await db.Qarqe.Where(q => q.Id == Number(text) || q.Name == text).Select(q => (int?)q.Id).FirstOrDefaultAsync(cancellationToken),
            (ScopeKind.Municipality, _) => await db.Municipalities.Where(m => m.Id == Number(text) || m.Name == text).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken),
            (ScopeKind.Kzaz, _) or (ScopeKind.Unit, AdministrationLevel.Kzaz) => await Zone(electionId, text, cancellationToken),
            (ScopeKind.Unit, AdministrationLevel.Kqv) => await db.VotingCentres.Where(v => v.ElectionId == electionId && v.Number == text).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken),
            (ScopeKind.Unit, AdministrationLevel.Gnv) => await CountingGroup(electionId, text, cancellationToken),
            (ScopeKind.Unit, AdministrationLevel.TechnicalStaff) => await db.TechnicalTeams
                .Where(t => t.ElectionId == electionId && db.Kzazs.Any(k => k.Id == t.KzazId && k.Number == Number(text)))
                .Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
        var scope = GroupScope.Create(kind, id ?? throw new DomainException("Group.ScopeTargetNotFound"));
        scope.EnsureFits(level);
        return scope;
    }

    private Task<int?> Zone(int electionId, string text, CancellationToken cancellationToken) =>
        db.Kzazs.Where(k => k.ElectionId == electionId && k.Number == Number(text)).Select(k => (int?)k.Id).FirstOrDefaultAsync(cancellationToken);

    private Task<int?> CountingGroup(int electionId, string text, CancellationToken cancellationToken)
    {
        var parts = text.Split('/', 2);
        var zone = parts.Length == 2 ? Number(parts[0]) : -1;
        var number = parts.Length == 2 ? Number(parts[1]) : -1;
        return db.CountingGroups
            .Where(g => g.ElectionId == electionId && g.Number == number && db.Kzazs.Any(k => k.Id == g.KzazId && k.Number == zone))
            .Select(g => (int?)g.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static int Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
