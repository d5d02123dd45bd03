using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Localisation;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Admin.Audit;

[Collection(PortalCollection.Name)]
public sealed partial class IndexTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Url = "/Admin/Audit";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Readers => new(
        DemoAccounts.Auditor.Email, DemoAccounts.SecretaryGeneral.Email, DemoAccounts.SystemAdministrator.Email);

    public static TheoryData<string> Others => new(
        DemoAccounts.LogisticsDirector.Email, DemoAccounts.CommunicationOfficer.Email, DemoAccounts.Clerk.Email, DemoAccounts.HelplineOperator.Email);

    [Fact]
    public async Task Auditor_sees_an_administrators_change_with_actor_action_and_readable_details()
    {
        var clerk = await RenameClerkAsync("Ilir Shehu-Çela");
        using var auditor = await SignInAsync(DemoAccounts.Auditor.Email);

        var html = await auditor.GetHtmlAsync($"{Url}?entity=StaffMember&entityId={clerk}");

        var ids = RowIds(html);
        var row = await portal.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Entity == "StaffMember" && a.EntityId == clerk.ToString() && a.Action == "StaffMember.Updated"));
        Assert.Equal(2, ids.Count);
        Assert.Equal(row.Id, ids[0]);
        var cell = Row(html, row.Id);
        Assert.Contains(DemoAccounts.SystemAdministrator.Email, cell, StringComparison.Ordinal);
        Assert.Contains("StaffMember.Updated", cell, StringComparison.Ordinal);
        Assert.Contains("<details>", cell, StringComparison.Ordinal);
        Assert.Contains("&quot;Ilir Shehu-Çela&quot;", cell, StringComparison.Ordinal);
        // Albanian date and 24-hour Tirana time, e.g. 28.11.2026 14:05:09.
        var expected = PortalTime.ToLocal(row.OccurredAt).ToString("d.M.yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Contains(expected, AdminPages.Text(cell), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_come_newest_first_and_are_paged_in_fifties()
    {
        using var auditor = await SignInAsync(DemoAccounts.Auditor.Email);
        var total = await portal.WithDbAsync(db => db.AuditEntries.CountAsync());
        Assert.True(total > 50, $"The seed wrote only {total} rows");

        var first = RowIds(await auditor.GetHtmlAsync(Url));
        var second = RowIds(await auditor.GetHtmlAsync($"{Url}?pageNumber=2"));

        Assert.Equal(50, first.Count);
        Assert.Equal(first.OrderByDescending(id => id), first);
        Assert.True(first[^1] > second[0]);
        Assert.Equal(await portal.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id)), first[0]);
    }

    [Fact]
    public async Task Filters_by_actor_action_and_day_narrow_the_rows()
    {
        await RenameClerkAsync("Ilir Shehu-Çela");
        var adminId = await portal.StaffIdAsync(DemoAccounts.SystemAdministrator.Email);
        var adminRows = await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.ActorId == adminId).Select(a => a.Id).ToListAsync());
        using var auditor = await SignInAsync(DemoAccounts.Auditor.Email);

        var byActor = RowIds(await auditor.GetHtmlAsync($"{Url}?actor=ADMINISTRATOR@"));
        Assert.Equal(adminRows.OrderDescending(), byActor);

        var byAction = await auditor.GetHtmlAsync($"{Url}?actionPrefix=StaffMember.Upd");
        Assert.Single(RowIds(byAction));
        Assert.DoesNotContain(">StaffMember.Created<", byAction, StringComparison.Ordinal);

        var today = PortalTime.Today(TimeProvider.System);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(byActor, RowIds(await auditor.GetHtmlAsync($"{Url}?actor=administrator@&from={Day(today)}&to={Day(today)}")));
        Assert.Empty(RowIds(await auditor.GetHtmlAsync($"{Url}?from={Day(today.AddDays(1))}")));
        Assert.Empty(RowIds(await auditor.GetHtmlAsync($"{Url}?to={Day(today.AddDays(-1))}")));
        Assert.Contains("Nuk u gjet asgjë.", await auditor.GetHtmlAsync($"{Url}?entityId=nothing-like-this"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Auditor_secretary_general_and_administrator_may_read_the_trail(string email)
    {
        using var client = await SignInAsync(email);
        Assert.Contains("data-testid=\"audit-table\"", await client.GetHtmlAsync(Url), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Other_roles_are_refused(string email)
    {
        using var client = await SignInAsync(email);
        AdminPages.AssertRefused(await client.GetAsync(Url), Url);
        AdminPages.AssertRefused(await client.GetAsync($"{Url}/Index?actor=administrator"), Url);
    }

    private async Task<PortalClient> SignInAsync(string email)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.All.Single(a => a.Email == email));
        return client;
    }

    /// <summary>The administrator renames the clerk through the edit page; returns the clerk's id.</summary>
    private async Task<Guid> RenameClerkAsync(string name)
    {
        var clerk = await portal.StaffIdAsync(DemoAccounts.Clerk.Email);
        var staff = await portal.WithDbAsync(db => db.Staff.AsNoTracking().SingleAsync(s => s.Id == clerk));
        using var admin = await SignInAsync(DemoAccounts.SystemAdministrator.Email);
        var response = await admin.PostFormAsync($"/Admin/Staff/Edit/{clerk}",
            ("Input.FullName", name),
            ("Input.Position", staff.Position),
            ("Input.Rank", staff.Rank.ToString()),
            ("Input.Role", DemoAccounts.Clerk.Role),
            ("Input.DirectorateId", staff.DirectorateId.ToString(CultureInfo.InvariantCulture)),
            ("Input.SuperiorId", staff.SuperiorId!.Value.ToString()),
            ("Input.Version", (await portal.StaffVersionAsync(clerk)).ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return clerk;
    }

    private static List<long> RowIds(string html) =>
        AuditRowPattern().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    private static string Row(string html, long id)
    {
        var start = html.IndexOf($"data-audit-id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row {id}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("data-audit-id=\"(\\d+)\"")]
    private static partial Regex AuditRowPattern();
}
