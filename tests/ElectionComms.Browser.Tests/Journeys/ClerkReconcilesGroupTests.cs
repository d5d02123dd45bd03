using System.Text.RegularExpressions;
using ElectionComms.Browser.Tests.Infrastructure;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Registry;
using Microsoft.Playwright;

namespace ElectionComms.Browser.Tests.Journeys;

/// <summary>§11: a clerk opens a group, uploads its member list, reads the four lists and marks a removal done.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClerkReconcilesGroupTests(BrowserPortal portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Clerk_uploads_a_member_list_reads_the_report_and_marks_a_removal_done()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        var folder = Directory.CreateTempSubdirectory("ec-reconcile-");
        var file = Path.Combine(folder.FullName, "anetaret-kqv-0001.csv");
        await File.WriteAllBytesAsync(file, ReconciliationScenario.MemberListCsv());
        try
        {
            var page = await portal.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            await page.GetByLabel("Adresa e e-mailit").FillAsync(DemoAccounts.Clerk.Email);
            await page.GetByLabel("Fjalëkalimi").FillAsync(DemoAccounts.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Hyr", Exact = true }).ClickAsync();
            await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"));

            await page.GotoAsync($"/Channels/Groups/Details/{scenario.GroupId}");
            await Assertions.Expect(page.GetByTestId("expected-members")).ToHaveTextAsync("Anëtarë të pritur sipas regjistrit: 2");
            await page.GetByTestId("members-summary").GetByRole(AriaRole.Link, new() { Name = "Krahasimi me regjistrin" }).ClickAsync();

            await page.GetByLabel("Lista e anëtarëve (CSV ose XLSX)").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Krahaso me regjistrin" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Raporti i krahasimit");
            await Assertions.Expect(page.GetByTestId("count-NotInRegistry")).ToHaveTextAsync("1");
            await Assertions.Expect(page.GetByTestId("count-NotEligible")).ToHaveTextAsync("1");
            await Assertions.Expect(page.GetByTestId("count-MandateEnded")).ToHaveTextAsync("1");
            await Assertions.Expect(page.GetByTestId("count-Eligible")).ToHaveTextAsync("2");
            await Assertions.Expect(page.GetByTestId("duplicates")).ToHaveTextAsync("1");

            await page.GetByRole(AriaRole.Button, new() { Name = "Shëno " + ReconciliationScenario.UnknownPhone + " si të hequr" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Heqja u shënua.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("entries-NotInRegistry").GetByTestId("removed")).ToContainTextAsync("Hequr më");
            await Screenshots.SaveAsync(page, "registry-reconciliation-report");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
