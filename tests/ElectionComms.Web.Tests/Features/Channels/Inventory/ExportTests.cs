using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ElectionComms.Web.Tests.Features.Channels.Inventory;

[Collection(PortalCollection.Name)]
public sealed class ExportTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Injected = "=HYPERLINK(\"x\")";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Csv_export_holds_every_page_of_the_filtered_view_in_utf8_with_bom_and_albanian_headers()
    {
        await InventoryPages.AddGroupsAsync(portal, Platform.Telegram, 60, AdministrationLevel.Kqv, GroupScope.National, "Trajnimi i KQV-ve");
        var expected = await portal.WithDbAsync(db => db.Groups
            .Where(g => g.ElectionId == portal.ElectionId && g.Platform == Platform.Telegram && g.Level == AdministrationLevel.Kqv)
            .Select(g => g.Id).ToListAsync());
        Assert.True(expected.Count > ElectionComms.Web.Features.Channels.Inventory.GroupsModel.PageSize);

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var response = await client.GetAsync($"{InventoryPages.List}?handler=Export&format=Csv&platform=Telegram&level=Kqv&pageNumber=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition.FileNameStar, StringComparison.Ordinal);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes.Take(3).ToArray());
        var rows = ReadCsv(bytes, new CultureInfo("sq-AL"));
        Assert.Equal("Nr.", rows[0][0]);
        Assert.Contains("Anëtarë të pritshëm", rows[0]);
        Assert.Contains("Identifikuesi në platformë", rows[0]);
        Assert.Equal(expected.Order(), rows.Skip(1).Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).Order());
        var kqvCount = await portal.WithDbAsync(db => db.VotingCentres.CountAsync(v => v.ElectionId == portal.ElectionId));
        var expectedColumn = Array.IndexOf(rows[0], "Anëtarë të pritshëm");
        Assert.All(rows.Skip(1).Where(r => r[1].StartsWith("Trajnimi", StringComparison.Ordinal)),
            r => Assert.Equal((kqvCount * UnitComposition.KqvMembers).ToString(CultureInfo.InvariantCulture), r[expectedColumn]));
    }

    [Fact]
    public async Task Csv_export_in_english_uses_english_headers_and_commas()
    {
        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var response = await client.GetAsync($"{InventoryPages.List}?handler=Export&format=Csv&culture=en-GB&ui-culture=en-GB");
        var rows = ReadCsv(await response.Content.ReadAsByteArrayAsync(), new CultureInfo("en-GB"));
        Assert.Equal("No.", rows[0][0]);
        Assert.Contains("Expected members", rows[0]);
        var total = await portal.WithDbAsync(db => db.Groups.CountAsync(g => g.ElectionId == portal.ElectionId));
        Assert.Equal(total, rows.Count - 1);
    }

    [Fact]
    public async Task Xlsx_export_of_the_outdated_logo_list_holds_exactly_those_groups()
    {
        var outdated = await portal.WithDbAsync(async db =>
        {
            var newest = await db.LogoVersions.MaxAsync(l => l.Version);
            return await db.Groups.Where(g => g.ElectionId == portal.ElectionId && g.LogoVersion < newest)
                .Select(g => new { g.Id, g.Name, g.LogoVersion }).ToListAsync();
        });
        Assert.NotEmpty(outdated);

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var response = await client.GetAsync($"{InventoryPages.List}?handler=Export&format=Xlsx&problem=OutdatedLogo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);

        var rows = ReadXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(outdated.Select(g => g.Id).Order(), rows.Select(r => Convert.ToInt32(r["Nr."], CultureInfo.InvariantCulture)).Order());
        foreach (var row in rows)
        {
            var group = outdated.Single(g => g.Id == Convert.ToInt32(row["Nr."], CultureInfo.InvariantCulture));
            Assert.Equal(group.Name, row["Emri"]);
            Assert.Equal(group.LogoVersion, Convert.ToInt32(row["Versioni i logos"], CultureInfo.InvariantCulture));
            Assert.Equal("Po", row["Logo e vjetëruar"]);
        }
    }

    [Fact]
    public async Task Group_name_that_looks_like_a_formula_is_escaped_in_csv_and_xlsx()
    {
        var groupId = await InventoryPages.GroupIdAsync(portal, "KZAZ 1");
        await InventoryPages.ChangeGroupAsync(portal, groupId, (group, _) => group.Rename(Injected));

        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var csv = ReadCsv(await (await client.GetAsync($"{InventoryPages.List}?handler=Export&format=Csv&level=Kzaz")).Content.ReadAsByteArrayAsync(), new CultureInfo("sq-AL"));
        var csvRow = csv.Single(r => r[0] == groupId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("'" + Injected, csvRow[1]);

        var xlsx = ReadXlsx(await (await client.GetAsync($"{InventoryPages.List}?handler=Export&format=Xlsx&level=Kzaz")).Content.ReadAsByteArrayAsync());
        var xlsxRow = xlsx.Single(r => Convert.ToInt32(r["Nr."], CultureInfo.InvariantCulture) == groupId);
        Assert.Equal("'" + Injected, xlsxRow["Emri"]);
        Assert.DoesNotContain(xlsx.SelectMany(r => r.Values).OfType<string>(), v => v.Length > 0 && "=+-@".Contains(v[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_export_format_is_not_found()
    {
        using var client = await InventoryPages.SecretaryGeneralAsync(portal);
        var response = await client.GetAsync($"{InventoryPages.List}?handler=Export&format=Pdf");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static List<string[]> ReadCsv(byte[] bytes, CultureInfo culture)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(culture) { HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? string.Empty).ToArray());
        }

        return rows;
    }

    private static List<IDictionary<string, object?>> ReadXlsx(byte[] bytes) =>
        MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>()
            .ToList();
}
