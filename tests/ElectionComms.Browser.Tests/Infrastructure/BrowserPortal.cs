using System.Text.RegularExpressions;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ElectionComms.Browser.Tests.Infrastructure;

/// <summary>
/// The portal on Kestrel at 127.0.0.1 (random port) with its own database, and Debian's Chromium driven by
/// Playwright. Never a downloaded browser: the executable is /usr/bin/chromium (or EC_CHROMIUM_PATH).
/// </summary>
public class BrowserPortal : PortalFactory, IAsyncLifetime
{
    public BrowserPortal()
        : this("browser")
    {
    }

    protected BrowserPortal(string databaseSuffix)
        : base(databaseSuffix, kestrel: true)
    {
    }

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public new virtual async Task InitializeAsync()
    {
        await base.InitializeAsync();
        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EC_CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    public new virtual async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
    }

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync();

    /// <summary>A fresh browser context (its own cookies) at the portal's address, in an A4-friendly window.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(new ViewportSize { Width = 1280, Height = 860 });

    /// <summary>A fresh context as a member's phone: a small touch screen (issue 20).</summary>
    public Task<IPage> NewPhonePageAsync() => NewPageAsync(new ViewportSize { Width = 390, Height = 844 }, mobile: true);

    private async Task<IPage> NewPageAsync(ViewportSize viewport, bool mobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = ServerAddress.ToString(),
            ViewportSize = viewport,
            IsMobile = mobile,
            HasTouch = mobile,
            Locale = "sq-AL",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in through the login form (and the authenticator code, when the account has one).</summary>
    public async Task<IPage> SignInAsync(DemoAccount account)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Adresa e e-mailit").FillAsync(account.Email);
        await page.GetByLabel("Fjalëkalimi").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hyr", Exact = true }).ClickAsync();
        if (account.TotpSecret is not null)
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
            await page.GetByLabel("Kodi i verifikimit").FillAsync(PortalClient.TotpCode(account.TotpSecret, ConnectionString));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verifiko" }).ClickAsync();
        }

        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
        return page;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "Browser";
}
