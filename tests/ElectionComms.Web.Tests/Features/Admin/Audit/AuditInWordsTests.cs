using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Admin.Audit;

/// <summary>
/// Issue 11 (§12): the audit page and the history panels say what changed in the reader's language; the stored
/// entry (action code and JSON) is shown to the auditor only, as a disclosure.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AuditInWordsTests(PortalFactory portal) : IAsyncLifetime
{
    private const string English = "culture=en-GB&ui-culture=en-GB";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_person_history_says_what_changed_in_albanian_and_english_with_the_number_masked()
    {
        var id = await RenamedPersonAsync();
        using var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        var url = $"/Registry/Person/{id}";

        var sq = HtmlTable.Rows(await clerk.GetHtmlAsync(url), "history");
        Assert.Equal(["U ndryshua personi", "U regjistrua personi"], sq.Select(r => r[2]));
        Assert.Contains("Emri: Arta Prove → Arta Provë-Hoxha", sq[0][3], StringComparison.Ordinal);
        Assert.Contains("Numri i telefonit: ", sq[1][3], StringComparison.Ordinal);
        Assert.Contains("*50", sq[1][3], StringComparison.Ordinal);
        Assert.DoesNotContain(RosterFiles.E164(50), sq[1][3], StringComparison.Ordinal);

        var en = HtmlTable.Rows(await clerk.GetHtmlAsync($"{url}?{English}"), "history");
        Assert.Equal(["Person changed", "Person registered"], en.Select(r => r[2]));
        Assert.Contains("Name: Arta Prove → Arta Provë-Hoxha", en[0][3], StringComparison.Ordinal);
        Assert.Contains("Phone number: ", en[1][3], StringComparison.Ordinal);

        var html = await clerk.GetHtmlAsync(url);
        var panel = html[html.IndexOf("data-testid=\"history\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Person.Created", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("{&quot;", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"", panel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_page_shows_words_to_every_reader_and_the_raw_entry_to_the_auditor_only()
    {
        var id = await RenamedPersonAsync();
        var url = $"/Admin/Audit?entity=Person&entityId={id}";

        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.SystemAdministrator);
        var sq = await admin.GetHtmlAsync(url);
        var sqRows = HtmlTable.Rows(sq, "audit-table");
        Assert.Equal(["U ndryshua personi", "U regjistrua personi"], sqRows.Select(r => r[2]));
        Assert.Equal("personi", sqRows[0][3]);
        Assert.Contains("Emri: Arta Prove → Arta Provë-Hoxha", sqRows[0][5], StringComparison.Ordinal);
        var table = sq[sq.IndexOf("data-testid=\"audit-table\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Person.Created", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Person.Updated", table, StringComparison.Ordinal);
        Assert.DoesNotContain("{&quot;", table, StringComparison.Ordinal);
        Assert.DoesNotContain("audit-raw", table, StringComparison.Ordinal);

        var en = HtmlTable.Rows(await admin.GetHtmlAsync($"{url}&{English}"), "audit-table");
        Assert.Equal(["Person changed", "Person registered"], en.Select(r => r[2]));
        Assert.Contains("Name: Arta Prove → Arta Provë-Hoxha", en[0][5], StringComparison.Ordinal);

        using var auditor = portal.CreatePortalClient();
        await auditor.SignInAsync(DemoAccounts.Auditor);
        var raw = await auditor.GetHtmlAsync(url);
        Assert.Contains("audit-raw", raw, StringComparison.Ordinal);
        Assert.Contains("Person.Updated", raw, StringComparison.Ordinal);
        Assert.Contains("&quot;FullName&quot;", raw, StringComparison.Ordinal);
        Assert.Contains("Emri: Arta Prove → Arta Provë-Hoxha", HtmlTable.Rows(raw, "audit-table")[0][5], StringComparison.Ordinal);
    }

    /// <summary>A person registered and then renamed, through the audited save (two rows: Created, Updated).</summary>
    private async Task<int> RenamedPersonAsync()
    {
        var id = await portal.WithDbAsync(async db =>
        {
            var kqv = await db.VotingCentres.Where(v => v.ElectionId == portal.ElectionId).OrderBy(v => v.Number).Select(v => v.Id).FirstAsync();
            var person = Person.Register(portal.ElectionId, "Arta Prove", RosterFiles.E164(50), UnitRole.Member, AdministrationLevel.Kqv, kqv, new DateOnly(2027, 3, 1), null);
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        await portal.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == id);
            person.Update("Arta Provë-Hoxha", person.Phone, person.Role, person.Level, person.UnitId, person.MandateFrom, person.MandateTo);
            return await db.SaveChangesAsync();
        });
        return id;
    }
}
