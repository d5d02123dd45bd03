using ElectionComms.Domain.Channels;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Channels.Inventory;

[Collection(PortalCollection.Name)]
public sealed class DashboardTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Totals_per_directorate_platform_and_level_match_the_groups_of_the_election()
    {
        var expected = await portal.WithDbAsync(db =>
            (from g in db.Groups
             join a in db.OfficialAccounts on g.AccountId equals a.Id
             join d in db.Directorates on a.DirectorateId equals d.Id
             where g.ElectionId == portal.ElectionId
             group g by new { d.Code, g.Platform, g.Level } into cell
             select new { cell.Key.Code, cell.Key.Platform, cell.Key.Level, Count = cell.Count() }).ToListAsync());
        Assert.NotEmpty(expected);

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var html = await client.GetHtmlAsync(InventoryPages.Dashboard);

        foreach (var row in expected.GroupBy(c => (c.Code, c.Platform)))
        {
            var cells = InventoryPages.RowCells(html, $"totals-{row.Key.Code}-{row.Key.Platform}", "data-level");
            foreach (var cell in row)
            {
                Assert.Equal(cell.Count, cells[cell.Level.ToString()]);
            }

            Assert.Equal(row.Sum(c => c.Count), cells["total"]);
        }

        var all = InventoryPages.RowCells(html, "totals-all", "data-level");
        Assert.Equal(expected.Sum(c => c.Count), all["total"]);
        foreach (var level in expected.GroupBy(c => c.Level))
        {
            Assert.Equal(level.Sum(c => c.Count), all[level.Key.ToString()]);
        }
    }

    [Fact]
    public async Task Directorate_filter_keeps_only_that_directorates_groups()
    {
        var (directorateId, code, count) = await portal.WithDbAsync(async db =>
        {
            var directorate = await db.Directorates.SingleAsync(d => d.Code == "DKS");
            var groups = await db.Groups.CountAsync(g => g.ElectionId == portal.ElectionId &&
                db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.DirectorateId == directorate.Id));
            return (directorate.Id, directorate.Code, groups);
        });
        Assert.True(count > 0);

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var html = await client.GetHtmlAsync($"{InventoryPages.Dashboard}?directorateId={directorateId}");

        Assert.Equal(count, InventoryPages.RowCells(html, "totals-all", "data-level")["total"]);
        Assert.False(InventoryPages.HasRow(html, "totals-DAZ-Telegram"));
        Assert.True(InventoryPages.HasRow(html, $"totals-{code}-Telegram"));
    }

    [Fact]
    public async Task Account_counts_per_platform_and_status_match_the_official_accounts()
    {
        var expected = await portal.WithDbAsync(db => db.OfficialAccounts
            .GroupBy(a => new { a.Platform, a.Status })
            .Select(x => new { x.Key.Platform, x.Key.Status, Count = x.Count() })
            .ToListAsync());
        Assert.Contains(expected, c => c.Status == AccountStatus.Requested);

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var html = await client.GetHtmlAsync(InventoryPages.Dashboard);

        foreach (var platform in expected.GroupBy(c => c.Platform))
        {
            var cells = InventoryPages.RowCells(html, $"accounts-{platform.Key}", "data-status");
            foreach (var status in Enum.GetValues<AccountStatus>())
            {
                Assert.Equal(platform.Where(c => c.Status == status).Sum(c => c.Count), cells[status.ToString()]);
            }

            Assert.Equal(platform.Sum(c => c.Count), cells["total"]);
        }
    }

    [Fact]
    public async Task Each_problem_count_equals_the_length_of_its_linked_list()
    {
        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var html = await client.GetHtmlAsync(InventoryPages.Dashboard);

        foreach (var problem in Enum.GetValues<ElectionComms.Web.Features.Channels.Inventory.InventoryProblem>())
        {
            var count = InventoryPages.Number(InventoryPages.TestIdText(html, $"problem-count-{problem}"));
            var list = await client.GetHtmlAsync($"{InventoryPages.List}?problem={problem}");
            Assert.Equal(count, InventoryPages.ListTotal(list));
        }
    }

    [Fact]
    public async Task Auditor_reads_the_dashboard()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(ElectionComms.Web.Data.Seed.DemoAccounts.Auditor);
        var html = await client.GetHtmlAsync(InventoryPages.Dashboard);
        Assert.Contains("data-testid=\"totals\"", html, StringComparison.Ordinal);
    }
}
