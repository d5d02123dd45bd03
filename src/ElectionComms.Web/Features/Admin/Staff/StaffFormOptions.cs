using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Admin.Staff;

/// <summary>The choices of the create and edit forms, and of the list's filters.</summary>
public sealed record StaffFormOptions(
    IReadOnlyList<SelectListItem> Directorates,
    IReadOnlyList<SelectListItem> Roles,
    IReadOnlyList<SelectListItem> Ranks,
    IReadOnlyList<SelectListItem> Superiors)
{
    public static readonly StaffFormOptions Empty = new([], [], [], []);

    /// <param name="except">The person being edited, who cannot be their own superior.</param>
    /// <param name="currentSuperior">Kept in the list even if no longer eligible, so that saving does not drop it silently.</param>
    public static async Task<StaffFormOptions> LoadAsync(
        AppDbContext db, IStringLocalizer<Strings> localizer, Guid? except = null, Guid? currentSuperior = null, CancellationToken cancellationToken = default)
    {
        var english = Cultures.IsEnglish;
        var directorates = await db.Directorates.AsNoTracking()
            .Where(d => d.IsActive)
            .OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, Name = english ? d.NameEn : d.NameSq })
            .ToListAsync(cancellationToken);

        // Anyone above the lowest rank may be a superior; the domain checks the rank against the person's own.
        var superiors = await db.Staff.AsNoTracking()
            .Where(s => (s.IsActive && s.Rank != Rank.Specialist) || s.Id == currentSuperior)
            .Where(s => s.Id != except)
            .Join(db.Directorates, s => s.DirectorateId, d => d.Id, (s, d) => new { s.Id, s.FullName, s.Rank, d.Code })
            .OrderBy(s => s.FullName)
            .ToListAsync(cancellationToken);

        return new StaffFormOptions(
            directorates.Select(d => new SelectListItem($"{d.Code} – {d.Name}", d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            StaffRole.All.Select(r => new SelectListItem(localizer["Role." + r], r)).ToList(),
            Enum.GetValues<Rank>().Select(r => new SelectListItem(localizer["Rank." + r], r.ToString())).ToList(),
            superiors.Select(s => new SelectListItem($"{s.FullName} – {localizer["Rank." + s.Rank]}, {s.Code}", s.Id.ToString())).ToList());
    }
}
