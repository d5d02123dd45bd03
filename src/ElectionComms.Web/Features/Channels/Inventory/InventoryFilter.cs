using System.Globalization;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;

namespace ElectionComms.Web.Features.Channels.Inventory;

/// <summary>The problem lists of the inventory dashboard (issue 3, item 6).</summary>
public enum InventoryProblem
{
    WithoutAdministrator = 1,
    WithoutOfficer = 2,
    OutdatedLogo = 3,
    OverCapacity = 4,

    /// <summary>Issue 14 item 5: delivery failed, or the platform's administrators differ from §7.</summary>
    OnPlatform = 5,
    Inactive = 6,
}

/// <summary>
/// What the Secretary General is looking at: the election, search text, filters and sort. Bound from the query
/// string, so the list page, its links and the export of the current view carry the same values.
/// </summary>
public sealed class InventoryFilter
{
    public const string SortByName = "name";
    public const string SortByLevel = "level";
    public const string SortByExpected = "expected";

    public static readonly IReadOnlyList<string> SortKeys = [SortByName, SortByLevel, SortByExpected];

    /// <summary>Null until resolved: the active election, or the latest one.</summary>
    public int? ElectionId { get; set; }

    /// <summary>Part of the name or of the platform identifier.</summary>
    public string? Q { get; set; }

    public Platform? Platform { get; set; }

    public AdministrationLevel? Level { get; set; }

    public int? DirectorateId { get; set; }

    public GroupStatus? Status { get; set; }

    public InventoryProblem? Problem { get; set; }

    public string? Sort { get; set; }

    public bool Desc { get; set; }

    public int PageNumber { get; set; } = 1;

    public string SortKey => Sort is not null && SortKeys.Contains(Sort) ? Sort : SortByName;

    /// <summary>These filters as route values, with another page or sort when asked, for links and the export.</summary>
    public Dictionary<string, string> RouteValues(int? page = null, string? sort = null, bool? desc = null)
    {
        var values = new Dictionary<string, string>
        {
            ["sort"] = sort ?? SortKey,
            ["desc"] = (desc ?? Desc) ? "true" : "false",
        };
        if (page is not null || PageNumber > 1)
        {
            values["pageNumber"] = (page ?? PageNumber).ToString(CultureInfo.InvariantCulture);
        }

        Add(values, "electionId", ElectionId?.ToString(CultureInfo.InvariantCulture));
        Add(values, "q", string.IsNullOrWhiteSpace(Q) ? null : Q.Trim());
        Add(values, "platform", Platform?.ToString());
        Add(values, "level", Level?.ToString());
        Add(values, "directorateId", DirectorateId?.ToString(CultureInfo.InvariantCulture));
        Add(values, "status", Status?.ToString());
        Add(values, "problem", Problem?.ToString());
        return values;
    }

    /// <summary>The filters only (no sort, no page), for the dashboard's links into the list.</summary>
    public static Dictionary<string, string> For(
        int electionId, Platform? platform = null, AdministrationLevel? level = null, int? directorateId = null,
        InventoryProblem? problem = null) =>
        new InventoryFilter
        {
            ElectionId = electionId,
            Platform = platform,
            Level = level,
            DirectorateId = directorateId,
            Problem = problem,
        }.RouteValues();

    private static void Add(Dictionary<string, string> values, string key, string? value)
    {
        if (value is not null)
        {
            values[key] = value;
        }
    }
}

/// <summary>What the list's pager needs: where we are and how to link to another page of the same view.</summary>
public sealed record InventoryPager(int PageNumber, int PageCount, int Total, Func<int, Dictionary<string, string>> RouteFor);
