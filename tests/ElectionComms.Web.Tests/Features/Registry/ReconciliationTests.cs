using System.Net;
using System.Text;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Registry;

/// <summary>§11: a clerk compares a group's member list with the registry and works through the removal list.</summary>
[Collection(PortalCollection.Name)]
public sealed class ReconciliationTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Clerk_upload_sorts_members_into_the_four_lists_and_stores_the_removal_list()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);

        var response = await ReconciliationScenario.UploadAsync(clerk, scenario.UploadUrl, "anetaret.csv", ReconciliationScenario.MemberListCsv());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var run = await portal.WithDbAsync(db => db.ReconciliationRuns.Include(r => r.Entries).AsNoTracking().SingleAsync());
        Assert.Equal(scenario.GroupId, run.GroupId);
        Assert.Equal((6, 1), (run.ObservedRows, run.DuplicateRows));
        var byPhone = run.Entries.Where(e => e.Match != MatchKind.Name).ToDictionary(e => e.Phone!, e => e);
        Assert.Equal(ReconciliationCategory.Eligible, byPhone[ReconciliationScenario.EligiblePhone].Category);
        Assert.Equal(2, byPhone[ReconciliationScenario.EligiblePhone].Occurrences);
        Assert.Equal(ReconciliationCategory.NotInRegistry, byPhone[ReconciliationScenario.UnknownPhone].Category);
        Assert.Equal(ReconciliationCategory.NotEligible, byPhone[ReconciliationScenario.OtherZonePhone].Category);
        Assert.Equal(ReconciliationCategory.MandateEnded, byPhone[ReconciliationScenario.EndedPhone].Category);
        var byName = run.Entries.Single(e => e.Match == MatchKind.Name);
        Assert.Equal((ReconciliationCategory.Eligible, scenario.NamesakeId), (byName.Category, byName.PersonId!.Value));

        var html = await clerk.GetHtmlAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("3 anëtarë duhet të hiqen", html, StringComparison.Ordinal);
        Assert.Equal([ReconciliationScenario.UnknownPhone], HtmlTable.FirstColumn(html, "entries-NotInRegistry"));
        Assert.Equal([ReconciliationScenario.OtherZonePhone], HtmlTable.FirstColumn(html, "entries-NotEligible"));
        Assert.Equal([ReconciliationScenario.EndedPhone], HtmlTable.FirstColumn(html, "entries-MandateEnded"));
        Assert.Contains("Vetëm me emër (përputhje më e dobët)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_member_list_with_english_headers_is_read_like_csv()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        using var xlsx = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(xlsx, new[]
        {
            new Dictionary<string, object> { ["Phone"] = "+355 69 111 0001", ["Name"] = "Arben" },
            new Dictionary<string, object> { ["Phone"] = "=HYPERLINK(\"x\")", ["Name"] = "Formula" },
        });

        var response = await ReconciliationScenario.UploadAsync(clerk, scenario.UploadUrl, "members.xlsx", xlsx.ToArray());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entries = await portal.WithDbAsync(db => db.ReconciliationEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([ReconciliationCategory.Eligible, ReconciliationCategory.NotInRegistry], entries.Select(e => e.Category));
    }

    [Fact]
    public async Task Member_list_saved_by_excel_in_windows_1252_is_read_with_albanian_letters_intact()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Telefoni;Emri\r\n;Ëngjëll Çela\r\n+355 69 111 9999;Çlirim Kërçova\r\n");
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        var response = await ReconciliationScenario.UploadAsync(clerk, scenario.UploadUrl, "anetaret.csv", bytes);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entries = await portal.WithDbAsync(db => db.ReconciliationEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(new[] { "Çlirim Kërçova", "Ëngjëll Çela" }.Order(StringComparer.Ordinal), entries.Select(e => e.Name!).Order(StringComparer.Ordinal));
        var byName = entries.Single(e => e.Match == MatchKind.Name);
        Assert.Equal((ReconciliationCategory.Eligible, scenario.NamesakeId), (byName.Category, byName.PersonId!.Value));
    }

    [Fact]
    public async Task Formula_cell_in_an_xlsx_member_list_is_not_trusted_as_the_number_it_cached()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        var xlsx = RosterFiles.Xlsx([["+355 69 111 0001", "Arben"], ["+355 69 111 0003", "Drita"]], header: ["Phone", "Name"]);
        xlsx = RosterFiles.WithFormula(xlsx, "A3", "CONCAT(\"+355\",\"691110001\")", cached: ReconciliationScenario.EligiblePhone);

        var response = await ReconciliationScenario.UploadAsync(clerk, scenario.UploadUrl, "members.xlsx", xlsx);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entries = await portal.WithDbAsync(db => db.ReconciliationEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(
            [(ReconciliationCategory.Eligible, ReconciliationScenario.EligiblePhone), (ReconciliationCategory.NotInRegistry, "=" + ReconciliationScenario.EligiblePhone)],
            entries.Select(e => (e.Category, e.Phone!)).OrderBy(e => e.Category));
    }

    public static TheoryData<string, string, byte[], string> BadFiles => new()
    {
        { "empty", "bosh.csv", [], "Skedari nuk ka asnjë anëtar." },
        { "header only", "koka.csv", Encoding.UTF8.GetBytes("telefoni;emri\r\n"), "Skedari nuk ka asnjë anëtar." },
        { "wrong columns", "kolona.csv", Encoding.UTF8.GetBytes("qyteti,mosha\r\nTiranë,40\r\n"), "Skedari nuk ka kolonë me numër telefoni ose emër." },
        { "utf-16", "unicode.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("emri\r\nÇela Ëngjëll\r\n")], "Skedari nuk është në kodimin UTF-8." },
        { "word document", "lista.docx", [1, 2, 3], "Ngarkoni një skedar CSV ose XLSX." },
        { "broken xlsx", "lista.xlsx", Encoding.UTF8.GetBytes("not a zip"), "Skedari XLSX nuk mund të lexohet." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_file_gets_a_clear_message_and_nothing_is_stored(string what, string fileName, byte[] content, string message)
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);

        var response = await ReconciliationScenario.UploadAsync(clerk, scenario.UploadUrl, fileName, content);

        Assert.True(response.StatusCode == HttpStatusCode.OK, what);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.ReconciliationRuns.AnyAsync()));
    }

    [Fact]
    public async Task File_of_25_MB_is_refused_with_the_size_limit_and_nothing_is_stored()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        var big = new byte[25 * 1024 * 1024];
        Array.Fill(big, (byte)'1');

        var response = await ReconciliationScenario.UploadAsync(clerk, scenario.UploadUrl, "e-madhe.csv", big);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(scenario.UploadUrl, response.Headers.Location!.OriginalString);
        Assert.Contains("lista e anëtarëve mund të jetë deri në 10 MB", await clerk.GetHtmlAsync(scenario.UploadUrl), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.ReconciliationRuns.AnyAsync()));
    }

    [Fact]
    public async Task Marking_a_removal_done_records_who_and_when_in_the_audit_trail_and_removes_a_recorded_member()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        var runUrl = (await ReconciliationScenario.UploadAsync(clerk, scenario.UploadUrl, "anetaret.csv", ReconciliationScenario.MemberListCsv())).Headers.Location!.OriginalString;
        var entry = await portal.WithDbAsync(db => db.ReconciliationEntries.SingleAsync(e => e.Phone == ReconciliationScenario.UnknownPhone));

        var response = await clerk.PostFormAsync(runUrl, [new("entryId", entry.Id.ToString())], runUrl + "?handler=MarkRemoved");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await portal.WithDbAsync(db => db.ReconciliationEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id));
        var clerkId = await portal.WithDbAsync(db => db.Staff.Where(s => s.Email == DemoAccounts.Clerk.Email).Select(s => s.Id).SingleAsync());
        Assert.Equal(clerkId, saved.RemovedById);
        Assert.NotNull(saved.RemovedAt);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Entity == nameof(ReconciliationEntry) && a.EntityId == entry.Id.ToString() && a.Action.EndsWith("Updated")));
        Assert.Equal(DemoAccounts.Clerk.Email, audit.ActorName);
        Assert.Contains("RemovedAt", audit.Details, StringComparison.Ordinal);
        FullNumber.AssertAbsent(ReconciliationScenario.UnknownPhone, audit.Details, "the audit entry");
        Assert.Contains("Hequr më", await clerk.GetHtmlAsync(runUrl), StringComparison.Ordinal);

        // Marking the same removal twice is refused with a message.
        await clerk.PostFormAsync(runUrl, [new("entryId", entry.Id.ToString())], runUrl + "?handler=MarkRemoved");
        Assert.Contains("Heqja e këtij anëtari është shënuar tashmë.", await clerk.GetHtmlAsync(runUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eligible_member_cannot_be_marked_removed()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        var runUrl = (await ReconciliationScenario.UploadAsync(clerk, scenario.UploadUrl, "anetaret.csv", ReconciliationScenario.MemberListCsv())).Headers.Location!.OriginalString;
        var entry = await portal.WithDbAsync(db => db.ReconciliationEntries.SingleAsync(e => e.Phone == ReconciliationScenario.EligiblePhone));

        await clerk.PostFormAsync(runUrl, [new("entryId", entry.Id.ToString())], runUrl + "?handler=MarkRemoved");

        Assert.Null((await portal.WithDbAsync(db => db.ReconciliationEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id))).RemovedAt);
        Assert.Contains("nuk ka asgjë për të hequr", await clerk.GetHtmlAsync(runUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_lists_every_line_and_is_recorded()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        var runUrl = (await ReconciliationScenario.UploadAsync(clerk, scenario.UploadUrl, "anetaret.csv", ReconciliationScenario.MemberListCsv())).Headers.Location!.OriginalString;

        var csv = await clerk.GetAsync(runUrl + "?handler=Export&format=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Nuk janë në regjistër", text, StringComparison.Ordinal);
        Assert.Contains("'" + ReconciliationScenario.UnknownPhone, text, StringComparison.Ordinal);
        var xlsx = await clerk.GetAsync(runUrl + "?handler=Export&format=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(ReconciliationRun) && a.Action.EndsWith("Updated"))));
    }

    public static TheoryData<string> Refused => new() { "SecretaryGeneral", "Auditor", "CommunicationOfficer", "HelplineOperator", "LogisticsDirector", "SystemAdministrator" };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Only_clerks_and_managing_directors_upload(string role)
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Account(role));
        // The sign-out form on every page carries the user's own antiforgery token.
        var token = PortalClient.AntiforgeryToken(await client.GetHtmlAsync("/"));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(ReconciliationScenario.MemberListCsv()), "Input.File", "anetaret.csv");

        var response = await client.Http.PostAsync(scenario.UploadUrl, form);

        Responses.AssertRefused(response, role);
        Assert.False(await portal.WithDbAsync(db => db.ReconciliationRuns.AnyAsync()));
    }

    [Theory]
    [InlineData("Clerk", true)]
    [InlineData("AdministrationDirector", true)]
    [InlineData("SecretaryGeneral", true)]
    [InlineData("Auditor", true)]
    [InlineData("LogisticsDirector", false)]
    [InlineData("CommunicationOfficer", false)]
    [InlineData("HelplineOperator", false)]
    [InlineData("SystemAdministrator", false)]
    public async Task Report_is_read_by_managers_and_by_the_secretary_general_and_auditors(string role, bool reads)
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using (var clerk = portal.CreatePortalClient())
        {
            await clerk.SignInAsync(DemoAccounts.AdministrationDirector);
            Assert.Equal(HttpStatusCode.Redirect, (await ReconciliationScenario.UploadAsync(clerk, scenario.UploadUrl, "a.csv", ReconciliationScenario.MemberListCsv())).StatusCode);
        }

        var runId = await portal.WithDbAsync(db => db.ReconciliationRuns.Select(r => r.Id).SingleAsync());
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Account(role));
        var response = await client.GetAsync($"/Registry/Reconciliation/Run/{runId}");
        if (reads)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var manages = role is "Clerk" or "AdministrationDirector";
            Assert.Equal(manages, html.Contains("Shëno të hequr", StringComparison.Ordinal));

            // §10: readers see masked numbers; those who remove members see them whole.
            var shown = Assert.Single(HtmlTable.FirstColumn(html, "entries-NotInRegistry"));
            Assert.Equal(manages ? ReconciliationScenario.UnknownPhone : ElectionComms.Web.Common.PhoneNumbers.Mask(ReconciliationScenario.UnknownPhone), shown);
        }
        else
        {
            Responses.AssertRefused(response, role);
            Responses.AssertRefused(await client.GetAsync($"/Registry/Reconciliation/Run/{runId}?handler=Export&format=Csv"), role + " export");
        }
    }

    internal static DemoAccount Account(string role) => role switch
    {
        "SecretaryGeneral" => DemoAccounts.SecretaryGeneral,
        "Auditor" => DemoAccounts.Auditor,
        "CommunicationOfficer" => DemoAccounts.CommunicationOfficer,
        "HelplineOperator" => DemoAccounts.HelplineOperator,
        "LogisticsDirector" => DemoAccounts.LogisticsDirector,
        "AdministrationDirector" => DemoAccounts.AdministrationDirector,
        "SystemAdministrator" => DemoAccounts.SystemAdministrator,
        "Clerk" => DemoAccounts.Clerk,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
