using System.Text.RegularExpressions;
using ElectionComms.Browser.Tests.Infrastructure;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ElectionComms.Browser.Tests.Journeys;

/// <summary>A director signs in with password and authenticator code, reads the dashboard in Albanian, switches to English.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectorSignsInTests(BrowserPortal portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Director_signs_in_with_totp_sees_Albanian_dashboard_and_switches_to_English()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sq");
        await Screenshots.SaveAsync(page, "01-login-sq");

        await page.GetByLabel("Adresa e e-mailit").FillAsync(DemoAccounts.AdministrationDirector.Email);
        await page.GetByLabel("Fjalëkalimi").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hyr", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
        await page.GetByLabel("Kodi i verifikimit").FillAsync(PortalClient.TotpCode(DemoAccounts.AdministrationDirector.TotpSecret!, portal.ConnectionString));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifiko" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mirë se vini, Besnik Leka");
        await Assertions.Expect(page.GetByTestId("count-kzaz")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administrata zgjedhore", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Stafi i KQZ-së" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "02-dashboard-director-sq");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Besnik Leka");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Electoral administration", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "03-dashboard-director-en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Shqip" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mirë se vini, Besnik Leka");
    }

    [Fact]
    public async Task Unknown_address_shows_the_friendly_404_page_in_both_languages()
    {
        var page = await portal.NewPageAsync();
        var response = await page.GotoAsync("/Error/404");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Faqja nuk u gjet");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
    }
}
