using System.Text.RegularExpressions;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Admin.Staff;

[Collection(PortalCollection.Name)]
public sealed partial class IndexTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Administrator_sees_every_account_with_role_rank_directorate_superior_status_and_two_factor()
    {
        using var admin = await AdminAsync();

        var html = await admin.GetHtmlAsync("/Admin/Staff");

        Assert.Equal(DemoAccounts.All.Count, Rows(html).Count);
        var clerk = Row(html, await portal.StaffIdAsync(DemoAccounts.Clerk.Email));
        foreach (var expected in new[] { "Ilir Shehu", DemoAccounts.Clerk.Email, "Nëpunës", "Specialist", "DAZ", "Besnik Leka", "Aktiv", "Jo" })
        {
            Assert.Contains(expected, clerk, StringComparison.Ordinal);
        }

        Assert.Contains("Po", Row(html, await portal.StaffIdAsync(DemoAccounts.LogisticsDirector.Email)), StringComparison.Ordinal);
        Assert.Contains("<caption>Stafi i KQZ-së (8 gjithsej)</caption>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Admin/Staff/Create\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_matches_part_of_a_name_or_email_without_regard_to_case()
    {
        using var admin = await AdminAsync();

        Assert.Equal([await portal.StaffIdAsync(DemoAccounts.Clerk.Email)], Rows(await admin.GetHtmlAsync("/Admin/Staff?q=SHEHU")));
        Assert.Equal([await portal.StaffIdAsync(DemoAccounts.HelplineOperator.Email)], Rows(await admin.GetHtmlAsync("/Admin/Staff?q=operator.linja")));
        Assert.Empty(Rows(await admin.GetHtmlAsync("/Admin/Staff?q=%25")));
    }

    [Fact]
    public async Task Filters_by_directorate_role_and_status_combine()
    {
        using var admin = await AdminAsync();
        var dld = await portal.WithDbAsync(db => db.Directorates.Where(d => d.Code == "DLD").Select(d => d.Id).SingleAsync());

        var inDld = Rows(await admin.GetHtmlAsync($"/Admin/Staff?directorateId={dld}"));
        Assert.Equal(3, inDld.Count);
        var directors = Rows(await admin.GetHtmlAsync($"/Admin/Staff?directorateId={dld}&role=Director"));
        Assert.Equal([await portal.StaffIdAsync(DemoAccounts.LogisticsDirector.Email)], directors);

        await DeactivateAsync(DemoAccounts.Auditor.Email);
        Assert.Equal([await portal.StaffIdAsync(DemoAccounts.Auditor.Email)], Rows(await admin.GetHtmlAsync("/Admin/Staff?status=inactive")));
        Assert.Equal(DemoAccounts.All.Count - 1, Rows(await admin.GetHtmlAsync("/Admin/Staff?status=active")).Count);
    }

    [Fact]
    public async Task Sorting_by_rank_descending_puts_the_secretary_general_first_and_specialists_last()
    {
        using var admin = await AdminAsync();

        var rows = Rows(await admin.GetHtmlAsync("/Admin/Staff?sort=rank&desc=true"));

        Assert.Equal(await portal.StaffIdAsync(DemoAccounts.SecretaryGeneral.Email), rows[0]);
        var ranks = await portal.WithDbAsync(db => db.Staff.ToDictionaryAsync(s => s.Id, s => s.Rank));
        Assert.Equal(rows.Select(id => ranks[id]).OrderByDescending(r => r), rows.Select(id => ranks[id]));
        Assert.Contains("aria-sort=\"descending\"", await admin.GetHtmlAsync("/Admin/Staff?sort=rank&desc=true"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_lists_are_paged_in_twenty_fives_keeping_the_filters_in_the_links()
    {
        await AddSpecialistsAsync(30);
        using var admin = await AdminAsync();

        var first = await admin.GetHtmlAsync("/Admin/Staff?role=Clerk");
        Assert.Equal(25, Rows(first).Count);
        Assert.Contains("Faqja 1 nga 2 (31 gjithsej)", first, StringComparison.Ordinal);
        Assert.Contains("role=Clerk", NextLink().Match(first).Groups[1].Value, StringComparison.Ordinal);

        var second = await admin.GetHtmlAsync("/Admin/Staff?role=Clerk&pageNumber=2");
        Assert.Equal(6, Rows(second).Count);
        Assert.Empty(Rows(first).Intersect(Rows(second)));
    }

    private async Task<PortalClient> AdminAsync()
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.SystemAdministrator);
        return client;
    }

    private Task DeactivateAsync(string email) => portal.WithDbAsync(async db =>
    {
        var staff = await db.Staff.SingleAsync(s => s.Email == email);
        staff.Deactivate(0, DateTimeOffset.UtcNow);
        return await db.SaveChangesAsync();
    });

    private Task AddSpecialistsAsync(int count) => portal.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<ElectionComms.Web.Data.AppDbContext>();
        var directorate = await db.Directorates.Where(d => d.Code == "DAZ").Select(d => d.Id).SingleAsync();
        var director = await db.Staff.Where(s => s.Email == DemoAccounts.AdministrationDirector.Email).Select(s => s.Id).SingleAsync();
        var accounts = services.GetRequiredService<StaffAccounts>();
        for (var i = 1; i <= count; i++)
        {
            var (id, errors) = await accounts.CreateAsync(
                new NewStaffAccount($"Nëpunës Prove {i:00}", $"nepunes{i:00}@kqz.gov.al", null, Rank.Specialist, directorate, director, StaffRole.Clerk),
                DemoAccounts.Password,
                mustChangePassword: true);
            Assert.True(id.HasValue, string.Join("; ", errors.Select(e => e.Description)));
        }
    });

    private static List<Guid> Rows(string html) =>
        StaffRowPattern().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

    private static string Row(string html, Guid id)
    {
        var start = html.IndexOf($"data-staff-id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {id}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("data-staff-id=\"([0-9a-f-]{36})\"")]
    private static partial Regex StaffRowPattern();

    [GeneratedRegex("<a class=\"page-link\" href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextLink();
}
