using System.Net;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Registry;

/// <summary>
/// §5c: a full roster ends the absent people of its units — never a person whose row is in the file but invalid —
/// and only after the clerk saw who and confirmed how many (ADR 0018).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ImportEndingTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string[]> BadRows(string kqv) => new()
    {
        { "phone typo", RosterFiles.Row(3, kqv, phone: "069 123 45x3") },
        { "phone too short", RosterFiles.Row(3, kqv, phone: "069 123") },
        { "unknown role, number intact", ["Anëtar Provë 3", "069 123 4503", "shef", "KQV", kqv, "01.03.2027", ""] },
        { "name mistyped, unit and date unreadable", ["Anetar Prove Tre", "069 123 4503", "anëtar", "KQV", "99999", "31/02/2027", ""] },
        { "no name, number unreadable", ["", "069 12x", "anëtar", "KQV", kqv, "01.03.2027", ""] },
    };

    [Fact]
    public async Task Full_roster_with_one_bad_row_ends_nobody_who_is_in_the_file()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv(Enumerable.Range(1, 3).Select(n => RosterFiles.Row(n, units.Kqv))));

        foreach (var (scenario, bad) in BadRows(units.Kqv).Select(r => ((string)r[0], (string[])r[1])))
        {
            var (url, preview) = await clerk.PreviewAsync(
                portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv), RosterFiles.Row(2, units.Kqv), bad]),
                ImportMode.FullRoster);

            Assert.True((0, 0, 2, 0, 1) == RosterFiles.Counts(preview), scenario + ": " + RosterFiles.Counts(preview));
            Assert.DoesNotContain("data-testid=\"ended\"", preview, StringComparison.Ordinal);
            await clerk.ApplyAsync(url);
            Assert.Equal(3, await ActiveAsync());
        }
    }

    [Fact]
    public async Task Full_roster_row_refused_against_the_file_still_keeps_its_person()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv), RosterFiles.Row(2, units.Kqv)]));

        // Person 2's number also in another unit: both rows are refused (one person in two units), yet person 2 is listed.
        var (_, preview) = await clerk.PreviewAsync(
            portal.ElectionId, "lista.csv",
            RosterFiles.Csv([RosterFiles.Row(1, units.Kqv), RosterFiles.Row(2, units.Kqv), RosterFiles.Row(2, units.OtherKqv)]),
            ImportMode.FullRoster);

        Assert.Equal((0, 0, 1, 0, 2), RosterFiles.Counts(preview));
    }

    [Fact]
    public async Task Preview_lists_everybody_to_be_ended_by_name_and_masked_number_paged_and_downloadable()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv(Enumerable.Range(1, 70).Select(n => RosterFiles.Row(n, units.Kqv))));

        var (url, preview) = await clerk.PreviewAsync(
            portal.ElectionId, "lista.csv", RosterFiles.Csv(Enumerable.Range(1, 10).Select(n => RosterFiles.Row(n, units.Kqv))),
            ImportMode.FullRoster);

        Assert.Equal((0, 0, 10, 60, 0), RosterFiles.Counts(preview));
        var first = HtmlTable.Rows(preview, "ended");
        Assert.Equal(ElectionComms.Web.Features.Registry.ImportModel.EndedPageSize, first.Count);
        Assert.Equal(["Anëtar Provë 11", "+355 69 *** **11"], first[0][..2]);
        Assert.DoesNotContain("4511", preview, StringComparison.Ordinal);
        var second = HtmlTable.Rows(await clerk.GetHtmlAsync(url + "&pageNumber=2"), "ended");
        Assert.Equal(10, second.Count);
        Assert.Equal(
            Enumerable.Range(11, 60).Select(n => $"Anëtar Provë {n}").Order(StringComparer.Ordinal),
            first.Concat(second).Select(r => r[0]).Order(StringComparer.Ordinal));

        var csv = await (await clerk.GetAsync(url + "&handler=Ended&format=Csv")).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(61, lines.Length);
        Assert.Contains("Anëtar Provë 70;'+355 69 *** **70;", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("4570", csv, StringComparison.Ordinal);
        var xlsx = await clerk.GetAsync(url + "&handler=Ended&format=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Apply_ends_nobody_until_the_clerk_confirms_the_count_and_for_more_than_a_tenth_a_second_time()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv(Enumerable.Range(1, 10).Select(n => RosterFiles.Row(n, units.Kqv))));
        var (url, preview) = await clerk.PreviewAsync(
            portal.ElectionId, "lista.csv", RosterFiles.Csv(Enumerable.Range(1, 8).Select(n => RosterFiles.Row(n, units.Kqv))),
            ImportMode.FullRoster);
        Assert.Contains("data-testid=\"confirm-many\"", preview, StringComparison.Ordinal);

        var none = await clerk.ApplyAsync(url, Array.Empty<(string, string)>());
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Asgjë nuk u zbatua: shkruani numrin e personave që do të përfundohen (2)", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrong = await clerk.ApplyAsync(url, ("ConfirmEnded", "1"), ("ConfirmMany", "true"));
        Assert.Contains("Numri që shkruat nuk është numri i personave që do të përfundohen (2)", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var once = await clerk.ApplyAsync(url, ("ConfirmEnded", "2"));
        Assert.Contains("do edhe konfirmimin e dytë", await once.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(10, await ActiveAsync());

        var twice = await clerk.ApplyAsync(url, ("ConfirmEnded", "2"), ("ConfirmMany", "true"));
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Equal(8, await ActiveAsync());
    }

    [Fact]
    public async Task Ending_a_tenth_or_less_needs_only_the_count()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv(Enumerable.Range(1, 10).Select(n => RosterFiles.Row(n, units.Kqv))));
        var (url, preview) = await clerk.PreviewAsync(
            portal.ElectionId, "lista.csv", RosterFiles.Csv(Enumerable.Range(1, 9).Select(n => RosterFiles.Row(n, units.Kqv))),
            ImportMode.FullRoster);
        Assert.DoesNotContain("data-testid=\"confirm-many\"", preview, StringComparison.Ordinal);

        var applied = await clerk.ApplyAsync(url, ("ConfirmEnded", "1"));

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(9, await ActiveAsync());
    }

    private Task<int> ActiveAsync() => portal.WithDbAsync(db => db.People.CountAsync(p => p.Status == PersonStatus.Active));

    private async Task<PortalClient> SignedInClerkAsync()
    {
        var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        return clerk;
    }
}
