using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ElectionComms.Browser.Tests.Infrastructure;

/// <summary>The steps several journeys share: an officer drafts and submits, a director confirms the code and approves.</summary>
public static class MessageJourney
{
    /// <summary>Drafts <paramref name="text"/> to the first group whose label starts with <paramref name="group"/>, saves and submits; returns the message's path.</summary>
    /// <param name="asksConfirmation">Ticks "Kërko konfirmim" (issue 14 item 6).</param>
    public static async Task<string> DraftAndSubmitAsync(IPage officer, string text, string group, string? screenshotPrefix = null, bool asksConfirmation = false)
    {
        await officer.GotoAsync("/Messages/Edit");
        await officer.GetByLabel("Teksti (shqip)").FillAsync(text);
        await officer.Locator("label", new() { HasText = group }).First.ClickAsync();
        if (asksConfirmation)
        {
            await officer.GetByLabel("Kërko konfirmim").CheckAsync();
        }

        await Shot(officer, screenshotPrefix, "01-officer-drafts");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ruaj draftin" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("status")).ToHaveTextAsync("Draft");
        await Assertions.Expect(officer.GetByTestId("mode-live")).ToBeVisibleAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Dërgo për miratim" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("status")).ToHaveTextAsync("Në pritje të miratimit");
        await Shot(officer, screenshotPrefix, "02-officer-submitted");
        return new Uri(officer.Url).PathAndQuery;
    }

    /// <summary>On the review page: confirms the authenticator code (step-up), then approves.</summary>
    /// <param name="database">The portal's database: codes are issued once per database (two browser collections run at once).</param>
    public static async Task StepUpAndApproveAsync(IPage director, DemoAccount account, string database)
    {
        await director.GetByRole(AriaRole.Link, new() { Name = "Konfirmo tani" }).ClickAsync();
        await director.GetByLabel("Kodi i verifikimit").FillAsync(PortalClient.TotpCode(account.TotpSecret!, database));
        await director.GetByRole(AriaRole.Button, new() { Name = "Verifiko" }).ClickAsync();
        await Assertions.Expect(director.GetByTestId("step-up-needed")).ToHaveCountAsync(0);
        await director.GetByTestId("approve").ClickAsync();
    }

    private static Task Shot(IPage page, string? prefix, string name) =>
        prefix is null ? Task.CompletedTask : Screenshots.SaveAsync(page, $"{prefix}-{name}");
}
