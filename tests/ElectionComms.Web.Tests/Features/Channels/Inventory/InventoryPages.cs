using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Group = ElectionComms.Domain.Channels.Group;

namespace ElectionComms.Web.Tests.Features.Channels.Inventory;

/// <summary>Reads the inventory pages' HTML and prepares data through the domain, for the inventory tests.</summary>
internal static partial class InventoryPages
{
    public const string Dashboard = "/Channels/Inventory";
    public const string List = "/Channels/Inventory/Groups";

    public static async Task<PortalClient> SecretaryGeneralAsync(PortalFactory portal)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.SecretaryGeneral);
        return client;
    }

    /// <summary>The group ids listed on one page of the group list, in order.</summary>
    public static IReadOnlyList<int> GroupIds(string html) =>
        GroupIdPattern().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    /// <summary>How many groups the list says the current view holds (all pages).</summary>
    public static int ListTotal(string html)
    {
        var match = TotalPattern().Match(html);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Every group id of the current view, following the pager.</summary>
    public static async Task<IReadOnlyList<int>> AllGroupIdsAsync(PortalClient client, string url)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var html = await client.GetHtmlAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "pageNumber=" + page);
            var onPage = GroupIds(html);
            ids.AddRange(onPage);
            if (onPage.Count == 0 || ids.Count >= ListTotal(html))
            {
                return ids;
            }
        }
    }

    /// <summary>The text of the element with this data-testid (tags removed, whitespace collapsed).</summary>
    public static string TestIdText(string html, string testId)
    {
        var match = Regex.Match(html, "data-testid=\"" + Regex.Escape(testId) + "\"[^>]*>(.*?)</", RegexOptions.Singleline);
        Assert.True(match.Success, "No element with data-testid=" + testId);
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    /// <summary>The number in each cell of a table row, keyed by the cell's data attribute (data-level, data-status).</summary>
    public static IReadOnlyDictionary<string, int> RowCells(string html, string rowTestId, string attribute)
    {
        var row = Regex.Match(html, "<tr data-testid=\"" + Regex.Escape(rowTestId) + "\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "No table row " + rowTestId);
        return Regex.Matches(row.Groups[1].Value, "<td[^>]*" + attribute + "=\"([^\"]+)\"[^>]*>(.*?)</td>", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => Number(m.Groups[2].Value));
    }

    public static bool HasRow(string html, string rowTestId) =>
        html.Contains("<tr data-testid=\"" + rowTestId + "\">", StringComparison.Ordinal);

    /// <summary>Digits of a cell (links and thousands separators removed).</summary>
    public static int Number(string cell)
    {
        var digits = new string(TagPattern().Replace(cell, string.Empty).Where(char.IsDigit).ToArray());
        return digits.Length == 0 ? 0 : int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>A new active director (no authenticator needed for what the tests do with them).</summary>
    public static Task<Guid> CreateDirectorAsync(PortalFactory portal, string email) => portal.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<AppDbContext>();
        var directorate = await db.Directorates.SingleAsync(d => d.Code == "DTE");
        var superior = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.SecretaryGeneral.Email);
        var (id, errors) = await services.GetRequiredService<StaffAccounts>().CreateAsync(
            new NewStaffAccount("Valbona Hoxha", email, null, Rank.Director, directorate.Id, superior.Id, StaffRole.Director),
            DemoAccounts.Password,
            mustChangePassword: false);
        Assert.True(id.HasValue, string.Join("; ", errors.Select(e => e.Description)));
        return id.Value;
    });

    /// <summary>Changes a group through the domain and saves it (with its audit rows), as the group pages would.</summary>
    public static Task ChangeGroupAsync(PortalFactory portal, int groupId, Action<Group, AppDbContext> change) =>
        portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var group = await db.Groups.Include(g => g.Officers).SingleAsync(g => g.Id == groupId);
            change(group, db);
            await db.SaveChangesAsync();
        });

    public static Task<int> GroupIdAsync(PortalFactory portal, string name) =>
        portal.WithDbAsync(db => db.Groups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync());

    /// <summary>Adds <paramref name="count"/> groups to an account of the given platform, through the domain.</summary>
    public static Task<IReadOnlyList<int>> AddGroupsAsync(
        PortalFactory portal, Platform platform, int count, AdministrationLevel level, GroupScope scope, string namePrefix) =>
        portal.WithServicesAsync<IReadOnlyList<int>>(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var account = await db.OfficialAccounts.FirstAsync(a => a.Platform == platform && a.Status == AccountStatus.Active);
            var administrator = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
            var groups = Enumerable.Range(1, count).Select(i => Group.Create(
                account, portal.ElectionId, GroupKind.Group, $"{namePrefix} {i:00}", level, scope,
                platform == Platform.WhatsApp ? "https://chat.whatsapp.com/TestInviteCode" + i.ToString("0000000", CultureInfo.InvariantCulture) : "-100" + (1_900_000_000 + i).ToString(CultureInfo.InvariantCulture),
                administrator, isTestGroup: false, DateTimeOffset.UtcNow)).ToList();
            db.Groups.AddRange(groups);
            await db.SaveChangesAsync();
            return groups.Select(g => g.Id).ToList();
        });

    [GeneratedRegex("<tr data-group-id=\"(\\d+)\"")]
    private static partial Regex GroupIdPattern();

    [GeneratedRegex("data-total=\"(\\d+)\"")]
    private static partial Regex TotalPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
