using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Channels.Inventory;

[Collection(PortalCollection.Name)]
public sealed class ProblemListTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Seeded_groups_all_have_a_valid_administrator()
    {
        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var html = await client.GetHtmlAsync($"{InventoryPages.List}?problem=WithoutAdministrator");
        Assert.Equal(0, InventoryPages.ListTotal(html));
    }

    [Fact]
    public async Task Deactivated_administrator_leaves_the_group_without_a_valid_administrator()
    {
        var groupId = await InventoryPages.GroupIdAsync(portal, "KZAZ 2");
        var director = await InventoryPages.CreateDirectorAsync(portal, "drejtor.ri@kqz.gov.al");
        await InventoryPages.ChangeGroupAsync(portal, groupId, (group, db) => group.AssignAdministrator(db.Staff.Single(s => s.Id == director)));
        await ChangeStaffAsync(director, (staff, _) => staff.Deactivate(activeDirectReports: 0, DateTimeOffset.UtcNow));

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var html = await client.GetHtmlAsync($"{InventoryPages.List}?problem=WithoutAdministrator");

        Assert.Equal([groupId], InventoryPages.GroupIds(html));
        Assert.Contains("data-testid=\"invalid-administrator\"", html, StringComparison.Ordinal);
        var dashboard = await client.GetHtmlAsync(InventoryPages.Dashboard);
        Assert.Equal("1", InventoryPages.TestIdText(dashboard, "problem-count-WithoutAdministrator"));
    }

    [Fact]
    public async Task Demoted_administrator_leaves_the_group_without_a_valid_administrator()
    {
        var groupId = await InventoryPages.GroupIdAsync(portal, "KZAZ 3");
        var director = await InventoryPages.CreateDirectorAsync(portal, "drejtor.ri@kqz.gov.al");
        await InventoryPages.ChangeGroupAsync(portal, groupId, (group, db) => group.AssignAdministrator(db.Staff.Single(s => s.Id == director)));
        await ChangeStaffAsync(director, (staff, db) =>
            staff.ChangeRank(Rank.HeadOfSector, db.Staff.Single(s => s.Id == staff.SuperiorId), db.Staff.Where(s => s.SuperiorId == staff.Id).ToList()));

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var html = await client.GetHtmlAsync($"{InventoryPages.List}?problem=WithoutAdministrator");

        Assert.Equal([groupId], InventoryPages.GroupIds(html));
    }

    [Fact]
    public async Task Groups_without_officers_are_listed_and_a_group_joins_the_list_when_its_officer_is_removed()
    {
        var groupId = await InventoryPages.GroupIdAsync(portal, "KZAZ 1");
        var withoutOfficer = await portal.WithDbAsync(db => db.Groups
            .Where(g => g.ElectionId == portal.ElectionId && g.Status == GroupStatus.Active && !g.Officers.Any())
            .Select(g => g.Id).ToListAsync());
        Assert.DoesNotContain(groupId, withoutOfficer);

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var before = await InventoryPages.AllGroupIdsAsync(client, $"{InventoryPages.List}?problem=WithoutOfficer");
        Assert.Equal(withoutOfficer.Order(), before.Order());

        await InventoryPages.ChangeGroupAsync(portal, groupId, (group, _) => group.RemoveOfficer(group.Officers.Single().StaffMemberId));

        var after = await InventoryPages.AllGroupIdsAsync(client, $"{InventoryPages.List}?problem=WithoutOfficer");
        Assert.Equal(withoutOfficer.Append(groupId).Order(), after.Order());
    }

    [Fact]
    public async Task Groups_showing_an_older_logo_are_listed_until_marked_updated()
    {
        var (outdated, current) = await portal.WithDbAsync(async db =>
        {
            var newest = await db.LogoVersions.MaxAsync(l => l.Version);
            var ids = await db.Groups
                .Where(g => g.ElectionId == portal.ElectionId && (g.LogoVersion == null || g.LogoVersion < newest))
                .Select(g => g.Id).ToListAsync();
            return (ids, newest);
        });
        Assert.NotEmpty(outdated);
        Assert.True(current > 1);

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var listed = await InventoryPages.AllGroupIdsAsync(client, $"{InventoryPages.List}?problem=OutdatedLogo");
        Assert.Equal(outdated.Order(), listed.Order());

        await InventoryPages.ChangeGroupAsync(portal, outdated[0], (group, _) => group.MarkLogoShown(current));

        var after = await InventoryPages.AllGroupIdsAsync(client, $"{InventoryPages.List}?problem=OutdatedLogo");
        Assert.Equal(outdated.Skip(1).Order(), after.Order());
    }

    [Fact]
    public async Task WhatsApp_group_whose_scope_holds_more_people_than_a_group_accepts_is_listed_with_a_warning()
    {
        // KZAZ 1 gets 150 more voting centres: 158 KQV × 7 members = 1,106 people, over WhatsApp's 1,024.
        var zone = await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var kzaz = await db.Kzazs.SingleAsync(k => k.ElectionId == portal.ElectionId && k.Number == 1);
            db.VotingCentres.AddRange(Enumerable.Range(9001, 150).Select(n =>
                VotingCentre.Create(kzaz, VotingCentreNumber.Parse(n.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Shkolla " + n)));
            await db.SaveChangesAsync();
            return kzaz;
        });
        var centres = await portal.WithDbAsync(db => db.VotingCentres.CountAsync(v => v.KzazId == zone.Id));
        var scope = new GroupScope(ScopeKind.Kzaz, zone.Id);
        var whatsApp = (await InventoryPages.AddGroupsAsync(portal, Platform.WhatsApp, 1, AdministrationLevel.Kqv, scope, "KQV e KZAZ 1 – WhatsApp")).Single();
        var telegram = (await InventoryPages.AddGroupsAsync(portal, Platform.Telegram, 1, AdministrationLevel.Kqv, scope, "KQV e KZAZ 1 – Telegram")).Single();
        var expected = centres * UnitComposition.KqvMembers;
        Assert.True(expected > PlatformRules.Capacity(Platform.WhatsApp, GroupKind.Group));

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var html = await client.GetHtmlAsync($"{InventoryPages.List}?problem=OverCapacity");
        Assert.Equal([whatsApp], InventoryPages.GroupIds(html));
        Assert.Contains("data-testid=\"over-capacity\"", html, StringComparison.Ordinal);

        // Sorted by expected members, the national KQV channel (every KQV) comes first, then the KQV groups of
        // KZAZ 1 (the seeded app channel and the two added here), equal in size and so in name order.
        var nationalKqv = await InventoryPages.GroupIdAsync(portal, "Njoftime KQZ – KQV");
        var app = await InventoryPages.GroupIdAsync(portal, "Aplikacioni – KQV – KZAZ 1");
        var sorted = await client.GetHtmlAsync($"{InventoryPages.List}?sort=expected&desc=true");
        Assert.Equal([nationalKqv, app, telegram, whatsApp], InventoryPages.GroupIds(sorted).Take(4));
    }

    [Fact]
    public async Task Deactivated_group_is_listed_as_inactive_and_drops_out_of_the_other_lists()
    {
        var groupId = await InventoryPages.GroupIdAsync(portal, "Stafi teknik – KZAZ 2");
        await InventoryPages.ChangeGroupAsync(portal, groupId, (group, _) => group.Deactivate("Ekipi u shpërbë"));

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        Assert.Equal([groupId], InventoryPages.GroupIds(await client.GetHtmlAsync($"{InventoryPages.List}?problem=Inactive")));
        Assert.DoesNotContain(groupId, await InventoryPages.AllGroupIdsAsync(client, $"{InventoryPages.List}?problem=WithoutOfficer"));
        Assert.Equal([groupId], InventoryPages.GroupIds(await client.GetHtmlAsync($"{InventoryPages.List}?status=Inactive")));
    }

    private Task ChangeStaffAsync(Guid id, Action<StaffMember, AppDbContext> change) => portal.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<AppDbContext>();
        change(await db.Staff.SingleAsync(s => s.Id == id), db);
        await db.SaveChangesAsync();
    });
}
