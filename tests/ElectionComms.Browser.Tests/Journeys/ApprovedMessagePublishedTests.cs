using ElectionComms.Browser.Tests.Infrastructure;
using ElectionComms.Web.Data.Seed;
using Microsoft.Playwright;

namespace ElectionComms.Browser.Tests.Journeys;

/// <summary>
/// §7 and issue 13 item 11, end to end with the portal's own dispatcher: the director approves, and without reloading
/// the message page the delivery table shows the group reached, with the platform's message id; reloaded, the message
/// is Published; the fake Telegram received exactly the approved text, once.
/// </summary>
[Collection(PublishingBrowserCollection.Name)]
public sealed class ApprovedMessagePublishedTests(PublishingBrowserPortal portal) : IAsyncLifetime
{
    private const string Text = "Njoftim: trajnimi i anëtarëve të KQV-ve fillon të shtunën në orën 09:00.";

    public async Task InitializeAsync()
    {
        await portal.ResetAsync();
        portal.Telegram.Reset();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_approved_message_reaches_its_group_and_the_page_shows_it_without_a_reload()
    {
        var officer = await portal.SignInAsync(DemoAccounts.CommunicationOfficer);
        var messageUrl = await MessageJourney.DraftAndSubmitAsync(officer, Text, "KZAZ 1 (");

        var director = await portal.SignInAsync(DemoAccounts.AdministrationDirector);
        await director.GotoAsync(messageUrl);
        await MessageJourney.StepUpAndApproveAsync(director, DemoAccounts.AdministrationDirector, portal.ConnectionString);

        // The table refreshes itself (wwwroot/js/deliveries.js) while the dispatcher, woken by NOTIFY, sends.
        var row = director.GetByTestId("deliveries").Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Sent", new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("KZAZ 1");
        await Assertions.Expect(row).ToContainTextAsync("Dërguar");
        await Assertions.Expect(director.GetByTestId("deliveries-summary")).ToContainTextAsync("1");
        await Screenshots.SaveAsync(director, "publishing-01-delivery-sent");

        await director.ReloadAsync();
        await Assertions.Expect(director.GetByTestId("status")).ToHaveTextAsync("Publikuar");
        await Screenshots.SaveAsync(director, "publishing-02-message-published");

        // Exactly one post; the §7 administrator check only reads (getChatAdministrators) in the background.
        var call = Assert.Single(portal.Telegram.Calls, c => c.Method != "getChatAdministrators");
        Assert.Equal(("sendMessage", PublishingBrowserPortal.Token), (call.Method, call.Token));
        Assert.Equal(Text, call.Body["text"]!.ToString());
        Assert.StartsWith("-100", call.Body["chat_id"]!.ToString(), StringComparison.Ordinal);
    }
}
