using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Features.Channels.Inventory;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Channels.Inventory;

[Collection(PortalCollection.Name)]
public sealed class GroupListTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Platform_and_level_filters_select_exactly_the_matching_groups()
    {
        var expected = await portal.WithDbAsync(db => db.Groups
            .Where(g => g.ElectionId == portal.ElectionId && g.Platform == Platform.WhatsApp && g.Level == AdministrationLevel.Kqv)
            .Select(g => g.Id).ToListAsync());
        Assert.NotEmpty(expected);

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var listed = await InventoryPages.AllGroupIdsAsync(client, $"{InventoryPages.List}?platform=WhatsApp&level=Kqv");

        Assert.Equal(expected.Order(), listed.Order());
    }

    [Fact]
    public async Task Directorate_filter_selects_the_groups_of_that_directorates_accounts()
    {
        var (directorateId, expected) = await portal.WithDbAsync(async db =>
        {
            var id = await db.Directorates.Where(d => d.Code == "DKS").Select(d => d.Id).SingleAsync();
            var groups = await db.Groups
                .Where(g => g.ElectionId == portal.ElectionId && db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.DirectorateId == id))
                .Select(g => g.Id).ToListAsync();
            return (id, groups);
        });
        Assert.NotEmpty(expected);

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var listed = await InventoryPages.AllGroupIdsAsync(client, $"{InventoryPages.List}?directorateId={directorateId}");

        Assert.Equal(expected.Order(), listed.Order());
    }

    [Fact]
    public async Task Search_matches_the_name_or_the_platform_identifier_literally()
    {
        var (byName, platformId, byPlatformId) = await portal.WithDbAsync(async db =>
        {
            var named = await db.Groups.Where(g => g.ElectionId == portal.ElectionId && g.Name.Contains("KZAZ 2")).Select(g => g.Id).ToListAsync();
            var one = await db.Groups.Where(g => g.ElectionId == portal.ElectionId && g.Platform == Platform.WhatsApp).OrderBy(g => g.Id).FirstAsync();
            return (named, one.PlatformId, one.Id);
        });

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        Assert.Equal(byName.Order(), (await InventoryPages.AllGroupIdsAsync(client, $"{InventoryPages.List}?q=kzaz%202")).Order());
        var code = platformId[^22..];
        Assert.Equal([byPlatformId], InventoryPages.GroupIds(await client.GetHtmlAsync($"{InventoryPages.List}?q={code}")));
        Assert.Equal(0, InventoryPages.ListTotal(await client.GetHtmlAsync($"{InventoryPages.List}?q=%25")));
    }

    [Fact]
    public async Task Pages_hold_fifty_groups_each_without_gaps_or_repeats_in_name_order()
    {
        await InventoryPages.AddGroupsAsync(portal, Platform.Telegram, 30, AdministrationLevel.Kqv, GroupScope.National, "Trajnimi i KQV");
        var expected = await portal.WithDbAsync(db => db.Groups.Where(g => g.ElectionId == portal.ElectionId).Select(g => new { g.Id, g.Name }).ToListAsync());
        Assert.True(expected.Count > GroupsModel.PageSize);

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var first = await client.GetHtmlAsync(InventoryPages.List);
        Assert.Equal(GroupsModel.PageSize, InventoryPages.GroupIds(first).Count);
        Assert.Equal(expected.Count, InventoryPages.ListTotal(first));
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);

        var second = await client.GetHtmlAsync($"{InventoryPages.List}?pageNumber=2");
        Assert.Equal(expected.Count - GroupsModel.PageSize, InventoryPages.GroupIds(second).Count);

        var all = InventoryPages.GroupIds(first).Concat(InventoryPages.GroupIds(second)).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(expected.Count, all.Count);

        // PostgreSQL orders names by the database collation; the page must agree with the database, not with .NET.
        var inDatabaseOrder = await portal.WithDbAsync(db => db.Groups.Where(g => g.ElectionId == portal.ElectionId)
            .OrderBy(g => g.Name).ThenBy(g => g.Id).Select(g => g.Id).ToListAsync());
        Assert.Equal(inDatabaseOrder, all);
    }

    [Fact]
    public async Task Sorting_by_level_follows_the_order_of_the_administration()
    {
        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var html = await client.GetHtmlAsync($"{InventoryPages.List}?sort=level");
        var ids = InventoryPages.GroupIds(html);
        var levels = await portal.WithDbAsync(db => db.Groups.Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Level));

        var shown = ids.Select(id => (int)levels[id]).ToList();
        Assert.Equal(shown.Order(), shown);
        Assert.Equal(AdministrationLevel.Kzaz, levels[ids[0]]);
    }

    [Fact]
    public async Task Each_row_links_to_the_group_detail_page()
    {
        var id = await InventoryPages.GroupIdAsync(portal, "KZAZ 1");
        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var html = await client.GetHtmlAsync($"{InventoryPages.List}?q=KZAZ%201&level=Kzaz");
        Assert.Contains($"href=\"/Channels/Groups/Details/{id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_filter_values_are_ignored_rather_than_failing()
    {
        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var all = InventoryPages.ListTotal(await client.GetHtmlAsync(InventoryPages.List));
        var html = await client.GetHtmlAsync($"{InventoryPages.List}?platform=Fax&sort=drop%20table&pageNumber=999&electionId=-4");
        Assert.Equal(all, InventoryPages.ListTotal(html));
    }
}
