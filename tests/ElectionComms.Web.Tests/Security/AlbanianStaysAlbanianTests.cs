using System.Net;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ElectionComms.Web.Tests.Security;

/// <summary>
/// Issue 11, item 9: the Albanian portal speaks only Albanian, in what it shows and in the data-val-* messages the
/// browser shows by itself. Every GET page (discovered like the endpoint-access tests) is read as someone allowed to see
/// it, and every form is posted empty, as a user who presses the button at once; neither may carry ASP.NET Core's
/// English defaults ("The … field is required.", "The value '' is invalid.").
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AlbanianStaysAlbanianTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_GET_page_shows_no_English_message_and_no_English_data_val_attribute()
    {
        var samples = await SampleResources.CreateAsync(portal);
        using var readers = await PageReaders.SignInAsync(portal);
        var failures = new List<string>();
        var pages = 0;

        foreach (var handler in await HandlersAsync(HttpMethods.Get))
        {
            if (await readers.FirstAllowedAsync(samples.Url(handler)) is not var (account, _, response) || !IsHtml(response))
            {
                continue;
            }

            pages++;
            var html = await response.Content.ReadAsStringAsync();
            failures.AddRange(EnglishText.Find(html).Select(e => $"{handler.Key} as {account.Role}: {e}"));
        }

        Assert.True(pages >= 40, $"Only {pages} pages were read: the discovery or the sample resources fell short");
        Assert.True(failures.Count == 0, "English on Albanian pages:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_form_posted_empty_answers_in_Albanian()
    {
        var samples = await SampleResources.CreateAsync(portal);
        using var readers = await PageReaders.SignInAsync(portal);
        var failures = new List<string>();
        var refusedWithMessages = 0;

        // Sign-out last: it ends the session the other forms need.
        foreach (var handler in (await HandlersAsync(HttpMethods.Post)).OrderBy(h => h.Page == "/Account/Logout"))
        {
            var form = samples.Url(new PageHandler(handler.Page, handler.Pattern, handler.Route, HttpMethods.Get, null, []));
            if (await readers.FirstAllowedAsync(client => PostEmptyAsync(client, form, samples.Url(handler))) is not var (account, client, response))
            {
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { IsAbsoluteUri: false } next)
            {
                // A message kept for the next page (TempData) is read there.
                response = await client.GetAsync(next.OriginalString);
            }

            if (!IsHtml(response))
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            refusedWithMessages += html.Contains("field-validation-error", StringComparison.Ordinal) || html.Contains("validation-summary-errors", StringComparison.Ordinal) ? 1 : 0;
            failures.AddRange(EnglishText.Find(html).Select(e => $"{handler.Key} as {account.Role}: {e}"));
        }

        Assert.True(refusedWithMessages >= 15, $"Only {refusedWithMessages} empty forms were answered with a message: too few to say much");
        Assert.True(failures.Count == 0, "English after posting an empty form:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Empty_change_password_form_names_each_missing_field_in_Albanian()
    {
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);

        var response = await clerk.PostFormAsync("/Account/ChangePassword", []);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fusha „Fjalëkalimi aktual” është e detyrueshme.", html, StringComparison.Ordinal);
        Assert.Contains("Fusha „Fjalëkalimi i ri” është e detyrueshme.", html, StringComparison.Ordinal);
        Assert.Contains("Fusha „Përsëriteni fjalëkalimin e ri” është e detyrueshme.", html, StringComparison.Ordinal);
        Assert.Empty(EnglishText.Find(html));
    }

    [Fact]
    public async Task A_yes_no_field_carries_its_required_message_in_Albanian_and_in_English_for_English_readers()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);

        var albanian = await director.GetHtmlAsync("/Messages");
        var english = await director.GetHtmlAsync("/Messages?culture=en-GB");

        Assert.Contains("data-val-required=\"Fusha „Vetëm të mitë” është e detyrueshme.\"", albanian, StringComparison.Ordinal);
        Assert.Contains("data-val-required=\"The field “Only mine” is required.\"", english, StringComparison.Ordinal);
    }

    /// <summary>Opens the form's page for its token and posts nothing else; null when the page has no form for this user.</summary>
    private static async Task<HttpResponseMessage?> PostEmptyAsync(PortalClient client, string formUrl, string postUrl)
    {
        var page = await client.GetAsync(formUrl);
        var html = await page.Content.ReadAsStringAsync();
        if (!IsHtml(page) || !html.Contains("__RequestVerificationToken", StringComparison.Ordinal))
        {
            return null;
        }

        return await client.Http.PostAsync(postUrl, new FormUrlEncodedContent([new("__RequestVerificationToken", PortalClient.AntiforgeryToken(html))]));
    }

    private async Task<List<PageHandler>> HandlersAsync(string method) =>
        (await PortalEndpoints.PageHandlersAsync(portal.Services)).Where(h => h.Method == method).ToList();

    private static bool IsHtml(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html";
}
