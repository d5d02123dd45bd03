using System.Text.RegularExpressions;
using ElectionComms.Browser.Tests.Infrastructure;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ElectionComms.Browser.Tests.Journeys;

/// <summary>
/// §7, §13: a director looks up what their directorate sent: the history, newest first, paged older and back newer,
/// then narrowed to the rejected messages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectorBrowsesHistoryTests(BrowserPortal portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Director_pages_through_the_history_and_filters_it()
    {
        await MessageHistory.SeedAsync(portal, 130);
        var page = await portal.SignInAsync(DemoAccounts.AdministrationDirector);

        await page.GotoAsync("/Messages");
        await Assertions.Expect(page.GetByTestId("history-count")).ToHaveTextAsync("130 mesazhe");
        var rows = page.GetByTestId("messages").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        var newest = await rows.First.InnerTextAsync();
        await Screenshots.SaveAsync(page, "messages-07-history");

        await page.GetByRole(AriaRole.Link, new() { Name = "Më të vjetra →" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("older=", RegexOptions.IgnoreCase));
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        Assert.NotEqual(newest, await rows.First.InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "← Më të reja" }).ClickAsync();
        await Assertions.Expect(rows.First).ToHaveTextAsync(newest);

        await page.GetByLabel("Gjendja").SelectOptionAsync(new SelectOptionValue { Label = "Refuzuar" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtro" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("Status=Rejected"));
        var rejected = await portal.WithDbAsync(db => db.Messages.CountAsync(m => m.Status == ElectionComms.Domain.Messages.MessageStatus.Rejected));
        Assert.InRange(rejected, 1, 50);
        await Assertions.Expect(rows).ToHaveCountAsync(rejected);
        await Assertions.Expect(page.GetByTestId("status").First).ToHaveTextAsync("Refuzuar");
    }
}
