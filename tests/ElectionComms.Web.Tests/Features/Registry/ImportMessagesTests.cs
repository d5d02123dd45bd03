using System.Text;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ElectionComms.Web.Tests.Features.Registry;

/// <summary>§5c, §10: import messages say what is wrong and show the value (numbers masked); files as clerks save them.</summary>
[Collection(PortalCollection.Name)]
public sealed class ImportMessagesTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_phone_problem_has_its_own_message_with_the_masked_value()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        string[][] rows =
        [
            RosterFiles.Row(1, units.Kqv, phone: "9999"),
            RosterFiles.Row(2, units.Kqv, phone: "01a9"),
            RosterFiles.Row(3, units.Kqv, phone: "069 123"),
            RosterFiles.Row(4, units.Kqv, phone: "069 123 4567 8901"),
            RosterFiles.Row(5, units.Kqv, phone: "0000000000"),
        ];

        var (_, preview) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv(rows));

        Assert.Equal(
            [
                "Numri „**99” është shumë i shkurtër: një numër shqiptar ka 9 ose 10 shifra (p.sh. 069 123 4567).",
                "„**a9” nuk është numër telefoni: përmban shkronja ose shenja.",
                "Numri „*** *23” është shumë i shkurtër: një numër shqiptar ka 9 ose 10 shifra (p.sh. 069 123 4567).",
                "Numri „*** *** **** **01” ka më shumë shifra se një numër shqiptar; një numër i huaj do + ose 00 dhe kodin e vendit.",
                "Numri „********00” nuk është numër i vlefshëm shqiptar; një numër i huaj do + ose 00 dhe kodin e vendit.",
            ],
            HtmlTable.Rows(preview, "errors").Select(r => r[2]));
        Assert.DoesNotContain("huaj", HtmlTable.Rows(preview, "errors")[0][2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_saved_by_excel_in_windows_1252_is_read_with_albanian_letters_intact()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        var text = $"emri_plote;telefoni;roli;niveli;njesia;mandati_nga\r\nËngjëll Çela;0691234501;anëtar;KQV;{units.Kqv};01.03.2027\r\n";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        await clerk.ImportAsync(portal.ElectionId, "lista.csv", bytes);

        Assert.Equal("Ëngjëll Çela", await portal.WithDbAsync(db => db.People.Select(p => p.FullName).SingleAsync()));
    }

    [Theory]
    [InlineData("Emër;Mbiemër;Numër telefoni;Rol;Nivel;Njësi;Mandati nga")]
    [InlineData("Emer;Mbiemer;Numer telefoni;Roli;Niveli;Njesia;Mandati_nga")]
    [InlineData("Emri;Mbiemri;Telefon;Roli;Niveli;Njësia;Fillimi i mandatit")]
    public async Task Albanian_headers_a_clerk_types_are_accepted_with_or_without_diacritics(string header)
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        var csv = Encoding.UTF8.GetBytes($"{header}\r\nArta;Hoxha;069 123 4501;anëtar;KQV;{units.Kqv};01.03.2027\r\n");

        await clerk.ImportAsync(portal.ElectionId, "lista.csv", csv);

        Assert.Equal("Arta Hoxha", await portal.WithDbAsync(db => db.People.Select(p => p.FullName).SingleAsync()));
    }

    [Fact]
    public async Task Template_holds_the_headers_only_so_no_sample_person_is_ever_imported()
    {
        using var clerk = await SignedInClerkAsync();

        var csv = (await (await clerk.GetAsync(RosterFiles.ImportUrl + "?handler=Template&format=Csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var xlsx = await (await clerk.GetAsync(RosterFiles.ImportUrl + "?handler=Template&format=Xlsx")).Content.ReadAsByteArrayAsync();

        Assert.Equal(["emri_plote;telefoni;roli;niveli;njesia;mandati_nga;mandati_deri"], csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        using var stream = new MemoryStream(xlsx);
        Assert.Single(stream.Query(useHeaderRow: false));
        var response = await clerk.UploadAsync(portal.ElectionId, "shablloni.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Contains("Skedari ka vetëm rreshtin e titujve, pa asnjë person.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_page_and_unknown_role_message_spell_the_role_words_alike()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();

        var page = await clerk.GetHtmlAsync(RosterFiles.ImportUrl);
        var (_, preview) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([["Arta Hoxha", "069 123 4501", "shef", "KQV", units.Kqv, "01.03.2027", ""]]));

        const string words = "kryetar, zëvendëskryetar, sekretar, anëtar, numërues, operator";
        Assert.Equal(words, RosterColumns.RoleWords);
        Assert.Contains(words, System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains(words, HtmlTable.Rows(preview, "errors").Single()[2], StringComparison.Ordinal);
        foreach (var word in words.Split(", "))
        {
            Assert.NotNull(RosterColumns.RoleOf(word));
            Assert.NotNull(RosterColumns.RoleOf(RosterColumns.Key(word)));
        }
    }

    private async Task<PortalClient> SignedInClerkAsync()
    {
        var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        return clerk;
    }
}
