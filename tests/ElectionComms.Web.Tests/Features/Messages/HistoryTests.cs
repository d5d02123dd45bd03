using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Messages;
using ElectionComms.Web.Localisation;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Tests.Features.Messages;

/// <summary>
/// The message history (§7, §13: what was sent and decided stays findable): paged by key, newest change first, with
/// a capped count, date filters, and clear errors for edited links and reversed dates.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class HistoryTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Director_pages_older_and_back_newer_through_every_message_exactly_once()
    {
        await SeedAsync(120);
        using var director = await DirectorAsync();

        var first = await director.GetHtmlAsync("/Messages");
        Assert.Contains(Albanian("Messages.Count", 120), WebUtility.HtmlDecode(first), StringComparison.Ordinal);
        Assert.Null(Link(first, "prev"));
        var second = await director.GetHtmlAsync(Link(first, "next")!);
        var third = await director.GetHtmlAsync(Link(second, "next")!);
        Assert.Null(Link(third, "next"));

        var pages = new[] { first, second, third }.Select(html => Ids(html)).ToList();
        Assert.Equal([50, 50, 20], pages.Select(p => p.Count));
        var all = pages.SelectMany(p => p).ToList();
        Assert.Equal(120, all.Distinct().Count());

        var newestFirst = await portal.WithDbAsync(db =>
            db.Messages.OrderByDescending(m => m.UpdatedAt).ThenByDescending(m => m.Id).Select(m => m.Id).ToListAsync());
        Assert.Equal(newestFirst, all);

        // Back from the last page lands on exactly the second page again.
        Assert.Equal(pages[1], Ids(await director.GetHtmlAsync(Link(third, "prev")!)));
    }

    [Fact]
    public async Task Paging_keeps_the_filters()
    {
        await SeedAsync(200);
        using var director = await DirectorAsync();

        var first = await director.GetHtmlAsync("/Messages?status=Published");
        var next = Link(first, "next");
        Assert.NotNull(next);
        Assert.Contains("Status=Published", next, StringComparison.OrdinalIgnoreCase);

        var published = await portal.WithDbAsync(db => db.Messages
            .Where(m => m.Status == Domain.Messages.MessageStatus.Published)
            .OrderByDescending(m => m.UpdatedAt).ThenByDescending(m => m.Id).Select(m => m.Id).Skip(50).Take(50).ToListAsync());
        Assert.Equal(published, Ids(await director.GetHtmlAsync(next)));
    }

    [Fact]
    public async Task Count_says_more_than_the_limit_instead_of_counting_everything()
    {
        await SeedAsync(IndexModel.CountLimit + 100);
        using var director = await DirectorAsync();

        var html = await director.GetHtmlAsync("/Messages");

        Assert.Contains(Albanian("Messages.CountMoreThan", IndexModel.CountLimit), WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(IndexModel.PageSize, Ids(html).Count);
    }

    [Fact]
    public async Task Until_date_shows_only_messages_changed_on_or_before_that_day()
    {
        await SeedAsync(400);
        var oldest = await portal.WithDbAsync(db => db.Messages.MinAsync(m => m.UpdatedAt));
        var day = DateOnly.FromDateTime(PortalTime.ToLocal(oldest));
        var end = PortalTime.StartOfDay(day.AddDays(1));
        var expected = await portal.WithDbAsync(db => db.Messages.CountAsync(m => m.UpdatedAt < end));
        Assert.InRange(expected, 1, 399);
        using var director = await DirectorAsync();

        var html = await director.GetHtmlAsync($"/Messages?until={day:yyyy-MM-dd}");

        Assert.Contains(Albanian("Messages.Count", expected), WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edited_page_link_is_explained_and_the_newest_messages_shown()
    {
        await SeedAsync(60);
        using var director = await DirectorAsync();
        var newest = Ids(await director.GetHtmlAsync("/Messages"));

        foreach (var bad in new[] { "abc", "123_xyz", "99999999999999999999_00000000000000000000000000000000", "1_2_3" })
        {
            var response = await director.GetAsync($"/Messages?older={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(Strings("Messages.CursorInvalid"), WebUtility.HtmlDecode(html), StringComparison.Ordinal);
            Assert.Equal(newest, Ids(html));
        }
    }

    [Fact]
    public async Task Reversed_dates_are_refused_with_a_clear_message()
    {
        await SeedAsync(10);
        using var director = await DirectorAsync();

        var html = await director.GetHtmlAsync("/Messages?from=2026-05-10&until=2026-05-01");

        Assert.Contains(Strings("Messages.DatesReversed"), WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Empty(Ids(html));
    }

    [Fact]
    public async Task Queue_pages_count_in_the_same_statement_and_an_old_link_past_the_end_shows_the_last_page()
    {
        await SeedAsync(2_600); // every 50th waits for a decision: 52 in the queue
        using var director = await DirectorAsync();
        var waiting = await portal.WithDbAsync(db => db.Messages
            .Where(m => m.Status == Domain.Messages.MessageStatus.Submitted)
            .OrderBy(m => m.SubmittedAt).ThenBy(m => m.Id).Select(m => m.Id).ToListAsync());
        Assert.Equal(52, waiting.Count);

        var first = await director.GetHtmlAsync("/Messages/Queue");
        var second = await director.GetHtmlAsync("/Messages/Queue?pageNumber=2");
        var beyond = await director.GetHtmlAsync("/Messages/Queue?pageNumber=9");

        Assert.Equal(waiting.Take(50), QueueIds(first));
        Assert.Equal(waiting.Skip(50), QueueIds(second));
        Assert.Equal(waiting.Skip(50), QueueIds(beyond));
        var pageOf = Localised("Common.PageOf", ["2", "2", "52"]);
        Assert.Contains(pageOf, WebUtility.HtmlDecode(second), StringComparison.Ordinal);
        Assert.Contains(pageOf, WebUtility.HtmlDecode(beyond), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Date_that_cannot_be_read_is_explained_in_albanian()
    {
        await SeedAsync(10);
        using var director = await DirectorAsync();

        var html = WebUtility.HtmlDecode(await director.GetHtmlAsync("/Messages?from=31.02.2026"));

        Assert.Contains(Localised("Validation.ValueInvalid", ["31.02.2026", Strings("Messages.From")]), html, StringComparison.Ordinal);
        Assert.Equal(10, Ids(html).Count);
    }

    [Fact]
    public void Cursor_survives_the_round_trip_through_a_link()
    {
        var cursor = new HistoryCursor(new DateTimeOffset(2026, 11, 28, 7, 30, 15, 123, TimeSpan.Zero).AddTicks(4560), Guid.NewGuid());

        Assert.True(HistoryCursor.TryParse(cursor.ToString(), out var parsed));
        Assert.Equal(cursor, parsed);
        Assert.False(HistoryCursor.TryParse(null, out _));
        Assert.False(HistoryCursor.TryParse("-5_" + Guid.NewGuid().ToString("N"), out _));
    }

    private async Task<PortalClient> DirectorAsync()
    {
        var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        return director;
    }

    private Task SeedAsync(int count) => MessageHistory.SeedAsync(portal, count);

    private static List<Guid> QueueIds(string html) => Ids(html, "queue");

    private static List<Guid> Ids(string html, string table = "messages")
    {
        var rows = Regex.Match(html, $"<table[^>]*data-testid=\"{table}\"[^>]*>(.*?)</table>", RegexOptions.Singleline);
        Assert.True(rows.Success, $"The page has no table '{table}'");
        return DetailsLink().Matches(rows.Groups[1].Value).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
    }

    /// <summary>The href of the pager link with this rel ("next" is older, "prev" is newer), or null.</summary>
    private static string? Link(string html, string rel)
    {
        var anchor = Regex.Match(html, $"<a [^>]*rel=\"{rel}\"[^>]*>");
        return anchor.Success ? WebUtility.HtmlDecode(Regex.Match(anchor.Value, "href=\"([^\"]+)\"").Groups[1].Value) : null;
    }

    private string Strings(string key) => Localised(key, []);

    private string Albanian(string key, int number) =>
        Localised(key, [number.ToString("N0", CultureInfo.GetCultureInfo(Cultures.Albanian))]);

    // The app's own localizer in the default language, as the pages use it.
    private string Localised(string key, object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.Albanian);
        try
        {
            return portal.Services.GetRequiredService<IStringLocalizer<Strings>>()[key, arguments].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex("/Messages/Details/([0-9a-f-]{36})")]
    private static partial Regex DetailsLink();
}
