using System.Text.RegularExpressions;
using ElectionComms.Browser.Tests.Infrastructure;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace ElectionComms.Browser.Tests.Journeys;

/// <summary>Issue 3: the Secretary General opens the inventory, filters to groups with an outdated logo (§6), exports XLSX.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecretaryGeneralExportsInventoryTests(BrowserPortal portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Outdated_logo_groups_are_listed_and_exported_as_xlsx_with_exactly_those_rows()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Adresa e e-mailit").FillAsync(DemoAccounts.SecretaryGeneral.Email);
        await page.GetByLabel("Fjalëkalimi").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hyr", Exact = true }).ClickAsync();
        await page.GetByLabel("Kodi i verifikimit").FillAsync(PortalClient.TotpCode(DemoAccounts.SecretaryGeneral.TotpSecret!, portal.ConnectionString));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifiko" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Kanalet dhe grupet" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Inventari" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Channels/Inventory"));
        await Screenshots.SaveAsync(page, "10-inventory-dashboard-sq");

        await page.GotoAsync("/Channels/Inventory/Groups");
        await page.Locator("#problem").SelectOptionAsync("OutdatedLogo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtro" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("problem=OutdatedLogo"));
        var table = page.GetByTestId("inventory-groups");
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "11-inventory-outdated-logo-sq");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"inventory-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            var rows = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
            var exported = rows.Skip(1).Select(r => Convert.ToInt32(r["A"], System.Globalization.CultureInfo.InvariantCulture)).OrderBy(id => id).ToList();
            var expected = await portal.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                var current = await db.LogoVersions.MaxAsync(l => l.Version);
                return await db.Groups.Where(g => g.Status == GroupStatus.Active && (g.LogoVersion == null || g.LogoVersion < current))
                    .OrderBy(g => g.Id).Select(g => g.Id).ToListAsync();
            });

            Assert.NotEmpty(expected);
            Assert.Equal(expected, exported);
            Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await table.GetAttributeAsync("data-total"));
        }
        finally
        {
            File.Delete(path);
        }

        // The Secretary General follows a listed group to its page, then reviews the account requests.
        await table.Locator("a[href*=\"/Channels/Groups/Details/\"]").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Channels/Groups/Details/"));
        await Assertions.Expect(page.GetByTestId("administrator")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "12-group-details-sq");
        await page.GotoAsync("/Channels/Accounts");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "13-official-accounts-sq");
    }
}
