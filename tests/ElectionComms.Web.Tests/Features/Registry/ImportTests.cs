using System.Net;
using System.Text;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Registry;

/// <summary>§5c: a clerk imports a roster — preview first, then one transaction; re-importing changes nothing.</summary>
[Collection(PortalCollection.Name)]
public sealed class ImportTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(",", true, "\r\n")]
    [InlineData(",", false, "\n")]
    [InlineData(";", true, "\n")]
    [InlineData(";", false, "\r\n")]
    public async Task Csv_in_any_common_spelling_previews_then_applies_every_row(string separator, bool bom, string newline)
    {
        var units = await SeedUnits.LoadAsync(portal);
        var file = RosterFiles.Csv(Enumerable.Range(1, 5).Select(n => RosterFiles.Row(n, units.Kqv)), separator, bom, newline);
        using var clerk = await SignedInClerkAsync();

        var (url, preview) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", file);

        Assert.Equal((5, 0, 0, 0, 0), RosterFiles.Counts(preview));
        Assert.Equal(0, await PeopleAsync());
        var applied = await clerk.ApplyAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var people = await portal.WithDbAsync(db => db.People.AsNoTracking().OrderBy(p => p.Phone).ToListAsync());
        Assert.Equal(5, people.Count);
        Assert.Equal(RosterFiles.E164(1), people[0].Phone);
        Assert.Equal("Anëtar Provë 1", people[0].FullName);
        Assert.Equal(UnitRole.Member, people[0].Role);
        Assert.Equal(new DateOnly(2027, 3, 1), people[0].MandateFrom);
        Assert.Equal(new DateOnly(2027, 5, 31), people[0].MandateTo);
        Assert.Equal(5, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Person.Created")));
        Assert.Contains("Importi u zbatua: 5 të rinj", await clerk.GetHtmlAsync(applied.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_roster_of_every_level_is_imported()
    {
        var units = await SeedUnits.LoadAsync(portal);
        string[][] rows =
        [
            ["Arta Hoxha", "+355 69 123 4501", "kryetar", "KZAZ", units.Kzaz.ToString(), "01.03.2027", ""],
            ["Besnik Kola", "00355691234502", "sekretar", "KQV", units.Kqv, "2027-03-01", "31.05.2027"],
            ["Çlirim Duka", "355691234503", "numërues", "GNV", units.Gnv, "01.03.2027", ""],
            ["Drita Leka", "0691234504", "operator", "staf teknik", units.Kzaz.ToString(), "01.03.2027", ""],
        ];
        using var clerk = await SignedInClerkAsync();

        var (_, preview) = await clerk.PreviewAsync(portal.ElectionId, "lista.xlsx", RosterFiles.Xlsx(rows));
        Assert.Equal((4, 0, 0, 0, 0), RosterFiles.Counts(preview));
        await clerk.ImportAsync(portal.ElectionId, "lista.xlsx", RosterFiles.Xlsx(rows));

        var people = await portal.WithDbAsync(db => db.People.AsNoTracking().OrderBy(p => p.Phone).Select(p => new { p.Level, p.Role, p.Phone }).ToListAsync());
        Assert.Equal(
            [ElectionComms.Domain.Administration.AdministrationLevel.Kzaz, ElectionComms.Domain.Administration.AdministrationLevel.Kqv,
             ElectionComms.Domain.Administration.AdministrationLevel.Gnv, ElectionComms.Domain.Administration.AdministrationLevel.TechnicalStaff],
            people.Select(p => p.Level));
        Assert.Equal([RosterFiles.E164(1), RosterFiles.E164(2), RosterFiles.E164(3), RosterFiles.E164(4)], people.Select(p => p.Phone));
    }

    [Fact]
    public async Task Reimporting_the_same_file_changes_nothing()
    {
        var units = await SeedUnits.LoadAsync(portal);
        var file = RosterFiles.Csv(Enumerable.Range(1, 6).Select(n => RosterFiles.Row(n, units.Kqv)));
        using var clerk = await SignedInClerkAsync();
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", file);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.CountAsync());

        var (url, preview) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", file);
        Assert.Equal((0, 0, 6, 0, 0), RosterFiles.Counts(preview));
        await clerk.ApplyAsync(url);

        Assert.Equal(6, await PeopleAsync());
        Assert.Equal(audit, await portal.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Changed_row_updates_its_person_and_a_new_number_in_the_same_unit_is_the_same_person()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv), RosterFiles.Row(2, units.Kqv)]));
        var ids = await portal.WithDbAsync(db => db.People.OrderBy(p => p.Phone).Select(p => p.Id).ToListAsync());

        string[] newRole = ["Anëtar Provë 1", "069 123 4501", "sekretar", "KQV", units.Kqv, "01.03.2027", "2027-05-31"];
        string[] newNumber = ["Anëtar Provë 2", "069 123 4599", "anëtar", "KQV", units.Kqv, "01.03.2027", "2027-05-31"];
        var (url, preview) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([newRole, newNumber]));
        Assert.Equal((0, 2, 0, 0, 0), RosterFiles.Counts(preview));
        await clerk.ApplyAsync(url);

        var people = await portal.WithDbAsync(db => db.People.AsNoTracking().OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(ids, people.Select(p => p.Id));
        Assert.Equal(UnitRole.Secretary, people[0].Role);
        Assert.Equal(RosterFiles.E164(99), people[1].Phone);
        var update = await portal.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Person.Updated" && a.EntityId == ids[1].ToString()));
        Assert.Contains("\"Phone\":[\"***********02\",\"***********99\"]", update.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_roster_ends_the_absent_person_of_its_units_and_keeps_the_row()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv(
            [RosterFiles.Row(1, units.Kqv), RosterFiles.Row(2, units.Kqv), RosterFiles.Row(3, units.OtherKqv)]));

        var roster = RosterFiles.Csv([RosterFiles.Row(1, units.Kqv)]);
        var (changesUrl, changes) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", roster, ImportMode.Changes);
        Assert.Equal((0, 0, 1, 0, 0), RosterFiles.Counts(changes));
        var (url, full) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", roster, ImportMode.FullRoster);
        Assert.Equal((0, 0, 1, 1, 0), RosterFiles.Counts(full));
        await clerk.ApplyAsync(url);

        var people = await portal.WithDbAsync(db => db.People.AsNoTracking().OrderBy(p => p.Phone).ToListAsync());
        Assert.Equal(3, people.Count);
        Assert.Equal([PersonStatus.Active, PersonStatus.Ended, PersonStatus.Active], people.Select(p => p.Status));
        Assert.Contains("lista.csv", people[1].EndReason, StringComparison.Ordinal);
        Assert.NotNull(people[1].EndedAt);

        // The ended person comes back when a later roster lists them again.
        var (againUrl, again) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv), RosterFiles.Row(2, units.Kqv)]));
        Assert.Equal((0, 1, 1, 0, 0), RosterFiles.Counts(again));
        await clerk.ApplyAsync(againUrl);
        Assert.Equal(3, await portal.WithDbAsync(db => db.People.CountAsync(p => p.Status == PersonStatus.Active)));
        Assert.Equal(3, await PeopleAsync());
    }

    public static TheoryData<string, string, byte[], string> RefusedFiles => new()
    {
        { "missing column", "lista.csv", RosterFiles.Csv([], header: ["emri_plote", "telefoni", "roli", "niveli", "njesia"]), "Mungojnë kolonat: mandati_nga." },
        { "unknown column", "lista.csv", RosterFiles.Csv([], header: [.. RosterFiles.Header, "email"]), "Kolonë e panjohur: „email”." },
        { "repeated column", "lista.csv", RosterFiles.Csv([], header: [.. RosterFiles.Header, "phone"]), "Kolona „phone” përsëritet." },
        { "empty file", "lista.csv", [], "Skedari është bosh." },
        { "header only", "lista.csv", RosterFiles.Csv([]), "Skedari ka vetëm rreshtin e titujve, pa asnjë person." },
        { "text named xlsx", "lista.xlsx", Encoding.UTF8.GetBytes("emri_plote;telefoni\r\n"), "Skedari nuk është një fletë Excel (XLSX) e lexueshme." },
        { "utf-16 csv", "lista.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("emri_plote;telefoni\r\n")).ToArray(), "Skedari nuk është në kodimin UTF-8." },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Bad_file_is_refused_with_a_clear_message_and_nothing_is_imported(string scenario, string fileName, byte[] content, string message)
    {
        using var clerk = await SignedInClerkAsync();

        var response = await clerk.UploadAsync(portal.ElectionId, fileName, content);

        Assert.True(response.StatusCode == HttpStatusCode.OK, scenario);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await PeopleAsync());
    }

    [Fact]
    public async Task Invalid_rows_are_listed_with_row_column_and_reason_and_only_valid_rows_are_applied()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(50, units.OtherKqv, name: "Mbajtësi i Numrit")]));

        string[][] rows =
        [
            RosterFiles.Row(1, units.Kqv),                                                       // row 2: valid
            RosterFiles.Row(2, units.Kqv, phone: "069 12"),                                      // row 3: invalid phone
            ["Anëtar Provë 3", "069 123 4503", "anëtar", "KQV", "9999", "01.03.2027", ""],       // row 4: unknown unit
            ["Anëtar Provë 4", "069 123 4504", "shef", "KQV", units.Kqv, "01.03.2027", ""],      // row 5: unknown role
            ["Anëtar Provë 5", "069 123 4505", "anëtar", "KQV", units.Kqv, "31/02/2027", ""],    // row 6: bad date
            ["=HYPERLINK(\"http://x\")", "069 123 4506", "anëtar", "KQV", units.Kqv, "01.03.2027", ""], // row 7: formula
            RosterFiles.Row(1, units.Kqv, name: "Tjetër Person"),                                // row 8: duplicate phone
            RosterFiles.Row(9, units.Kqv),                                                       // row 9: one person …
            RosterFiles.Row(9, units.OtherKqv),                                                  // row 10: … in two units
            RosterFiles.Row(50, units.Kqv, name: "Dikush Tjetër"),                               // row 11: number held by another active person
            ["Anëtar Provë 12", "069 123 4512", "anëtar", "KQV", units.Kqv, "01.03.2027", "01.01.2027"], // row 12: ends before start
        ];
        var (url, preview) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv(rows));

        Assert.Equal((1, 0, 0, 0, 10), RosterFiles.Counts(preview));
        var errors = HtmlTable.Rows(preview, "errors").Select(r => (r[0], r[1], r[2])).ToList();
        Assert.Equal(
            [
                ("3", "telefoni", "Numri „*** 12” është shumë i shkurtër: një numër shqiptar ka 9 ose 10 shifra (p.sh. 069 123 4567)."),
                ("4", "njesia", "Njësia „9999” nuk ekziston në këto zgjedhje."),
                ("5", "roli", "Rol i panjohur „shef”; përdorni: kryetar, zëvendëskryetar, sekretar, anëtar, numërues, operator."),
                ("6", "mandati_nga", "Data „31/02/2027” nuk është e vlefshme; shkruani dd.MM.vvvv ose vvvv-MM-dd."),
                ("7", "emri_plote", "Qeliza „=HYPERLINK(\"http://x\")” përmban një formulë; shkruani vlerën si tekst."),
                ("8", "telefoni", "I njëjti numër është edhe në rreshtin 2."),
                ("9", "telefoni", "I njëjti person (numër) është në dy njësi; shih edhe rreshtin 10."),
                ("10", "telefoni", "I njëjti person (numër) është në dy njësi; shih edhe rreshtin 9."),
                ("11", "telefoni", "Numri i përket një personi tjetër aktiv që nuk është në këtë skedar."),
                ("12", "mandati_deri", "Mandati përfundon (01.01.2027) para se të fillojë (01.03.2027)."),
            ],
            errors);

        var download = await clerk.GetAsync(url + "&handler=Errors");
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        var csv = await download.Content.ReadAsStringAsync();
        Assert.Contains("Rreshti;Kolona;Arsyeja;emri_plote;telefoni;roli;niveli;njesia;mandati_nga;mandati_deri", csv, StringComparison.Ordinal);
        Assert.Contains($"11;telefoni;Numri i përket një personi tjetër aktiv që nuk është në këtë skedar.;Dikush Tjetër;'+355 69 *** **50;anëtar;KQV;{units.Kqv};01.03.2027;2027-05-31", csv, StringComparison.Ordinal);
        Assert.Contains("3;telefoni;Numri „*** 12” është shumë i shkurtër", csv, StringComparison.Ordinal);
        Assert.Contains($"5;roli;Rol i panjohur „shef”; përdorni: kryetar, zëvendëskryetar, sekretar, anëtar, numërues, operator.;Anëtar Provë 4;'+355 69 *** **04;shef;KQV;{units.Kqv};01.03.2027;", csv.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("4550", csv, StringComparison.Ordinal);

        await clerk.ApplyAsync(url);
        Assert.Equal([RosterFiles.E164(1), RosterFiles.E164(50)], await portal.WithDbAsync(db => db.People.OrderBy(p => p.Phone).Select(p => p.Phone).ToListAsync()));
    }

    [Fact]
    public async Task Formula_cell_in_xlsx_is_refused_per_row()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        var rows = new[] { RosterFiles.Row(1, units.Kqv), ["Anëtar Provë 2", "=0691234502", "anëtar", "KQV", units.Kqv, "01.03.2027", ""] };

        var (_, preview) = await clerk.PreviewAsync(portal.ElectionId, "lista.xlsx", RosterFiles.Xlsx(rows));

        Assert.Equal((1, 0, 0, 0, 1), RosterFiles.Counts(preview));
        Assert.Equal(["3", "telefoni", "Qeliza „=********02” përmban një formulë; shkruani vlerën si tekst."], HtmlTable.Rows(preview, "errors").Single());
    }

    [Fact]
    public async Task Formula_that_excel_saved_with_a_valid_cached_number_is_refused_per_row()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        var xlsx = RosterFiles.Xlsx([RosterFiles.Row(1, units.Kqv), RosterFiles.Row(2, units.Kqv)]);
        xlsx = RosterFiles.WithFormula(xlsx, "B3", "CONCAT(\"069\",\"1234502\")", cached: "0691234502");

        var (_, preview) = await clerk.PreviewAsync(portal.ElectionId, "lista.xlsx", xlsx);

        Assert.Equal((1, 0, 0, 0, 1), RosterFiles.Counts(preview));
        Assert.Equal(["3", "telefoni", "Qeliza „+355 69 *** **02” përmban një formulë; shkruani vlerën si tekst."], HtmlTable.Rows(preview, "errors").Single());
    }

    [Fact]
    public async Task Upload_of_100_megabytes_is_stopped_at_once_with_a_friendly_message()
    {
        using var clerk = await SignedInClerkAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var response = await clerk.UploadAsync(portal.ElectionId, "lista.csv", new byte[100 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"Took {started.Elapsed}");
        var html = await clerk.GetHtmlAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Skedari është shumë i madh: lista mund të jetë deri në 20 MB.", html, StringComparison.Ordinal);
        Assert.Equal(0, await PeopleAsync());
    }

    [Fact]
    public async Task Apply_is_refused_when_the_registry_changed_after_the_preview()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        var (url, _) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv), RosterFiles.Row(2, units.Kqv)]));
        await clerk.ImportAsync(portal.ElectionId, "tjeter.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv)]));

        var response = await clerk.ApplyAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Regjistri ndryshoi pas paraparjes, ndaj asgjë nuk u zbatua.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await PeopleAsync());
    }

    [Fact]
    public async Task Template_is_offered_as_csv_and_xlsx_with_the_albanian_headers()
    {
        using var clerk = await SignedInClerkAsync();

        var csv = await clerk.GetAsync(RosterFiles.ImportUrl + "?handler=Template&format=Csv");
        var xlsx = await clerk.GetAsync(RosterFiles.ImportUrl + "?handler=Template&format=Xlsx");

        Assert.StartsWith("emri_plote;telefoni;roli;niveli;njesia;mandati_nga;mandati_deri", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
    }

    [Fact]
    public async Task Auditor_reads_the_registry_but_cannot_import()
    {
        using var auditor = portal.CreatePortalClient();
        await auditor.SignInAsync(DemoAccounts.Auditor);

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Registry")).StatusCode);
        Responses.AssertRefused(await auditor.GetAsync(RosterFiles.ImportUrl), "GET import");
        // The antiforgery token is per user, so the one of the sign-out form on any page will do.
        var token = PortalClient.AntiforgeryToken(await auditor.GetHtmlAsync("/Registry"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(portal.ElectionId.ToString()), "Input.ElectionId" },
            { new ByteArrayContent(RosterFiles.Csv([])), "Input.File", "lista.csv" },
        };
        Responses.AssertRefused(await auditor.Http.PostAsync(RosterFiles.ImportUrl, form), "POST import");
        Assert.Equal(0, await PeopleAsync());
    }

    private async Task<PortalClient> SignedInClerkAsync()
    {
        var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        return clerk;
    }

    private Task<int> PeopleAsync() => portal.WithDbAsync(db => db.People.CountAsync());
}
