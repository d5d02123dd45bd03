using System.Text;
using ElectionComms.Browser.Tests.Infrastructure;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ElectionComms.Browser.Tests.Journeys;

/// <summary>
/// Issue 4 (§5c): a clerk imports a roster with an error, reads the preview, downloads the error file, imports
/// the corrected file and applies it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClerkImportsRosterTests(BrowserPortal portal) : IAsyncLifetime
{
    private const string Header = "emri_plote;telefoni;roli;niveli;njesia;mandati_nga;mandati_deri";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Roster_with_a_bad_number_is_previewed_its_errors_downloaded_and_the_corrected_file_applied()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Adresa e e-mailit").FillAsync(DemoAccounts.Clerk.Email);
        await page.GetByLabel("Fjalëkalimi").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hyr", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Regjistri", Exact = true }).ClickAsync();
        await page.GotoAsync("/Registry/Import");

        await UploadAsync(page, "lista-me-gabim.csv", Roster("069 123 4501", "069 123 4502", "12345"));
        await Assertions.Expect(page.GetByTestId("count-new")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("count-invalid")).ToHaveTextAsync("1");
        await Screenshots.SaveAsync(page, "20-registry-import-preview-sq");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("errors-download").ClickAsync());
        var errors = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("telefoni", errors, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("12345", errors, StringComparison.Ordinal);

        await page.GotoAsync("/Registry/Import");
        await UploadAsync(page, "lista-e-korrigjuar.csv", Roster("069 123 4501", "069 123 4502", "069 123 4503"));
        await Assertions.Expect(page.GetByTestId("count-new")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("count-invalid")).ToHaveTextAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zbato importin" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Importi u zbatua: 3 të rinj");
        await Screenshots.SaveAsync(page, "21-registry-after-import-sq");

        var stored = await portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().People
            .CountAsync(p => p.Phone == "+355691234501" || p.Phone == "+355691234502" || p.Phone == "+355691234503"));
        Assert.Equal(3, stored);
    }

    private static async Task UploadAsync(IPage page, string name, byte[] content)
    {
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "Shiko paraparjen" }).ClickAsync();
    }

    private static byte[] Roster(params string[] phones)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        for (var i = 0; i < phones.Length; i++)
        {
            text.Append($"Anëtare Provë {i + 1};{phones[i]};anëtar;KQV;0001;01.03.2027;2027-05-31\r\n");
        }

        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
