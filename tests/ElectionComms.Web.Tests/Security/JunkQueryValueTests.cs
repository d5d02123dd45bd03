using System.Net;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ElectionComms.Web.Tests.Security;

/// <summary>
/// Issue 11, item 6: no hand-edited address gives a 500. Every GET handler of every page (the same discovery as the
/// endpoint-access tests) is opened by someone allowed to see it, with junk in each value it binds from the query
/// string, one at a time; the answer is the page (200), a refusal to understand (400) or not found (404), and whatever
/// it says is Albanian.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class JunkQueryValueTests(PortalFactory portal) : IAsyncLifetime
{
    /// <summary>What a user might type or a cut link might leave: a word, a sign, an overflow, a NUL, a flood, a non-date.</summary>
    public static readonly IReadOnlyList<string> Junk =
        ["abc", "-1", "99999999999999999999", "\0", new string('x', 3000), "2026-13-45", "true\0", "<script>"];

    /// <summary>Pages that answer every signed-in user with a refusal by design.</summary>
    private static readonly string[] RefusesEveryone = ["GET /Account/AccessDenied"];

    private static readonly HttpStatusCode[] Understood = [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound];

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Junk_in_any_query_value_of_any_GET_handler_is_answered_200_400_or_404_in_Albanian()
    {
        var samples = await SampleResources.CreateAsync(portal);
        using var readers = await PageReaders.SignInAsync(portal);
        var handlers = (await PortalEndpoints.PageHandlersAsync(portal.Services)).Where(h => h.Method == HttpMethods.Get).ToList();
        Assert.Contains(handlers, h => h.Key == "GET /Messages/Index" && h.Fields.Any(f => f.Name == "Mine"));
        var failures = new List<string>();
        var tried = 0;

        foreach (var handler in handlers)
        {
            var plain = samples.Url(handler);
            if (await readers.FirstAllowedAsync(plain) is not var (account, client, clean))
            {
                if (!RefusesEveryone.Contains(handler.Key))
                {
                    failures.Add($"{handler.Key}: no demo account opens {plain} (add its route values to SampleResources)");
                }

                continue;
            }

            foreach (var field in handler.Fields)
            {
                foreach (var junk in Junk)
                {
                    tried++;
                    var url = samples.Url(handler, [new(field.Name, junk)]);
                    var response = await client.GetAsync(url);
                    var shown = $"{handler.Key} {field.Name}={Shown(junk)} as {account.Role}";
                    if (!Understood.Contains(response.StatusCode) && response.StatusCode != clean.StatusCode)
                    {
                        failures.Add($"{shown}: answered {(int)response.StatusCode} {response.Headers.Location}");
                        continue;
                    }

                    if (response.Content.Headers.ContentType?.MediaType == "text/html")
                    {
                        var html = await response.Content.ReadAsStringAsync();
                        var english = EnglishText.Find(html);
                        if (english.Count > 0 || !html.Contains("<html lang=\"sq\"", StringComparison.Ordinal))
                        {
                            failures.Add($"{shown}: {(int)response.StatusCode} not in Albanian: {string.Join("; ", english)}");
                        }
                    }
                }
            }
        }

        Assert.True(tried > 300, $"Only {tried} junk requests: the discovery found too few query values");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} junk requests failed:\n" + string.Join('\n', failures.Take(80)));
    }

    [Fact]
    public async Task History_with_a_hand_typed_yes_no_value_shows_the_page_and_says_in_Albanian_what_was_wrong()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);

        var html = await director.GetHtmlAsync("/Messages?mine=abc");

        Assert.Contains("„abc” nuk është vlerë e vlefshme për „Vetëm të mitë”.", html, StringComparison.Ordinal);
        Assert.Empty(EnglishText.Find(html));
    }

    [Fact]
    public async Task Search_for_a_NUL_character_is_a_search_not_a_server_error()
    {
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);

        var response = await clerk.GetAsync("/Registry?q=%00Hoxha%00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"Hoxha\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Shown(string junk) =>
        junk.Length > 20 ? $"{junk[..5]}…({junk.Length} chars)" : junk.Replace("\0", "\\0", StringComparison.Ordinal);
}
