using System.Text.RegularExpressions;
using ElectionComms.Browser.Tests.Infrastructure;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ElectionComms.Browser.Tests.Journeys;

/// <summary>
/// §7 end to end: an officer drafts and submits a message; the director finds it in the queue, reviews the preview,
/// confirms their authenticator code and approves; the same director's second browser, still showing the message,
/// tries to approve it again and is refused with a clear message.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficerMessageApprovedTests(BrowserPortal portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<IPage> SignInAsync(DemoAccount account) => portal.SignInAsync(account);

    [Fact]
    public async Task Officer_submits_director_previews_and_approves_and_a_stale_second_browser_is_refused()
    {
        var officer = await SignInAsync(DemoAccounts.CommunicationOfficer);
        var messageUrl = await MessageJourney.DraftAndSubmitAsync(
            officer,
            "Përkujtesë: *mbledhja e KZAZ-së* nesër në orën 10:00 në sallën e këshillit bashkiak.\nJu lutemi konfirmoni pjesëmarrjen.",
            "KZAZ 1 (",
            screenshotPrefix: "messages");

        var director = await SignInAsync(DemoAccounts.AdministrationDirector);
        await director.GotoAsync("/Messages/Queue");
        await Assertions.Expect(director.GetByTestId("pending-badge")).ToContainTextAsync("1");
        await Screenshots.SaveAsync(director, "messages-03-director-queue");
        await director.GetByRole(AriaRole.Link, new() { Name = "Përkujtesë" }).ClickAsync();
        await Assertions.Expect(director.GetByTestId("preview-telegram")).ToContainTextAsync("Ju lutemi konfirmoni pjesëmarrjen.");
        await Screenshots.SaveAsync(director, "messages-04-director-reviews-preview");

        // A second browser of the same director opens the same review page before the decision.
        var stale = await SignInAsync(DemoAccounts.AdministrationDirector);
        await stale.GotoAsync(messageUrl);
        await Assertions.Expect(stale.GetByTestId("approve")).ToBeVisibleAsync();

        await MessageJourney.StepUpAndApproveAsync(director, DemoAccounts.AdministrationDirector, portal.ConnectionString);
        await Assertions.Expect(director.GetByTestId("status")).ToHaveTextAsync("Në radhë për publikim");
        await Assertions.Expect(director.GetByTestId("timeline")).ToContainTextAsync("U miratua");
        await Screenshots.SaveAsync(director, "messages-05-director-approved");

        await stale.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(stale.GetByTestId("errors")).ToContainTextAsync("Mesazhi nuk pret më vendim");
        await Screenshots.SaveAsync(stale, "messages-06-second-browser-refused");
    }
}
