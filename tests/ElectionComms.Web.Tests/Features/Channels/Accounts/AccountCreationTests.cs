using System.Net;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Channels.Accounts;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Channels.Accounts;

/// <summary>§5a: a directorate requests an official account; only the Secretary General's approval makes it active.</summary>
[Collection(PortalCollection.Name)]
public sealed class AccountCreationTests(PortalFactory portal) : IAsyncLifetime
{
    private const string NewHandle = "@kqz_zgjedhjet2026";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Director_requests_and_secretary_general_approves_so_the_account_is_active_and_audited()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var requested = await RequestAsync(director, "Telegram", NewHandle);
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);

        var account = await portal.AccountAsync(NewHandle);
        Assert.Equal(AccountStatus.Requested, account.Status);
        Assert.Equal(ControlClass.ThirdParty, account.ControlClass);
        var (directorId, dazId, sgId) = await portal.WithDbAsync(async db => (
            await db.Staff.Where(s => s.Email == DemoAccounts.AdministrationDirector.Email).Select(s => s.Id).SingleAsync(),
            await db.Directorates.Where(d => d.Code == "DAZ").Select(d => d.Id).SingleAsync(),
            await db.Staff.Where(s => s.Email == DemoAccounts.SecretaryGeneral.Email).Select(s => s.Id).SingleAsync()));
        Assert.Equal(directorId, account.RequestedById);
        Assert.Equal(dazId, account.DirectorateId);
        Assert.EndsWith(AccountPages.Details(account.Id), requested.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var sg = portal.CreatePortalClient();
        await sg.SignInAsync(DemoAccounts.SecretaryGeneral);
        var approved = await sg.DecideAsync(account.Id, "Approve", await portal.VersionAsync(account.Id));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        account = await portal.AccountAsync(NewHandle);
        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal(sgId, account.DecidedById);
        Assert.NotNull(account.DecidedAt);

        var trail = await portal.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Entity == nameof(OfficialAccount) && e.EntityId == account.Id.ToString())
            .OrderBy(e => e.Id)
            .ToListAsync());
        Assert.Collection(
            trail,
            created => Assert.Equal((directorId, "OfficialAccount.Created"), (created.ActorId!.Value, created.Action)),
            decided =>
            {
                Assert.Equal((sgId, "OfficialAccount.Updated"), (decided.ActorId!.Value, decided.Action));
                Assert.Contains("\"Active\"", decided.Details, StringComparison.Ordinal);
            });

        var page = await sg.GetHtmlAsync(AccountPages.Details(account.Id));
        Assert.Contains("Llogaria @kqz_zgjedhjet2026 u miratua dhe tani është aktive.", page, StringComparison.Ordinal);
        Assert.Contains("U ndryshua llogaria zyrtare", page, StringComparison.Ordinal);
        Assert.Contains("U krijua llogaria zyrtare", page, StringComparison.Ordinal);
        Assert.DoesNotContain("OfficialAccount.Created", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_without_a_reason_is_refused_and_changes_nothing()
    {
        var pending = await portal.AccountAsync("@kqz_trajnimi");
        var auditRows = await portal.AuditRowsAsync(pending.Id);
        using var sg = portal.CreatePortalClient();
        await sg.SignInAsync(DemoAccounts.SecretaryGeneral);

        var response = await sg.DecideAsync(pending.Id, "Refuse", await portal.VersionAsync(pending.Id), reason: "  ");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Shkruani arsyen.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var after = await portal.AccountAsync("@kqz_trajnimi");
        Assert.Equal(AccountStatus.Requested, after.Status);
        Assert.Null(after.DecidedAt);
        Assert.Null(after.StatusReason);
        Assert.Equal(auditRows, await portal.AuditRowsAsync(pending.Id));
    }

    [Fact]
    public async Task Refusal_with_a_reason_records_it_and_frees_the_handle()
    {
        var pending = await portal.AccountAsync("@kqz_trajnimi");
        using var sg = portal.CreatePortalClient();
        await sg.SignInAsync(DemoAccounts.SecretaryGeneral);
        var response = await sg.DecideAsync(pending.Id, "Refuse", await portal.VersionAsync(pending.Id), reason: "Trajnimi bëhet në kanalin ekzistues.");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await portal.AccountAsync("@kqz_trajnimi");
        Assert.Equal(AccountStatus.Refused, after.Status);
        Assert.Equal("Trajnimi bëhet në kanalin ekzistues.", after.StatusReason);

        // A refused account stays on record but no longer blocks the handle.
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(director, "Telegram", "@kqz_trajnimi")).StatusCode);
    }

    [Fact]
    public async Task Director_cannot_approve_a_request_of_their_own_directorate()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(director, "Telegram", NewHandle)).StatusCode);
        var pending = await portal.AccountAsync(NewHandle);

        var details = await director.GetHtmlAsync(AccountPages.Details(pending.Id));
        Assert.DoesNotContain("handler=Approve", details, StringComparison.Ordinal);
        Responses.AssertRefused(await director.DecideAsync(pending.Id, "Approve", await portal.VersionAsync(pending.Id)), "director approves");
        Assert.Equal(AccountStatus.Requested, (await portal.AccountAsync(NewHandle)).Status);
    }

    [Fact]
    public async Task Director_of_another_directorate_cannot_approve_a_request()
    {
        var pending = await portal.AccountAsync("@kqz_trajnimi");
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.LogisticsDirector);

        var fields = new[] { new KeyValuePair<string, string>("Input.Version", (await portal.VersionAsync(pending.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        Responses.AssertRefused(await director.PostFormAsync("/Channels/Accounts", fields, AccountPages.Details(pending.Id) + "?handler=Approve"), "director of another directorate approves");
        Assert.Equal(AccountStatus.Requested, (await portal.AccountAsync("@kqz_trajnimi")).Status);
    }

    [Fact]
    public async Task Secretary_general_cannot_approve_a_request_they_made_themselves()
    {
        var id = await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var sg = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.SecretaryGeneral.Email);
            var account = OfficialAccount.Request(Platform.WhatsApp, null, "+355690000001", "KQZ – Sekretaria", sg.DirectorateId, "Koordinim", sg.Id, DateTimeOffset.UtcNow);
            db.OfficialAccounts.Add(account);
            await db.SaveChangesAsync();
            return account.Id;
        });
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.SecretaryGeneral);

        var response = await client.DecideAsync(id, "Approve", await portal.VersionAsync(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nuk mund të vendosni për kërkesën tuaj.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AccountStatus.Requested, (await portal.AccountAsync("+355690000001")).Status);
    }

    [Fact]
    public async Task Duplicate_live_handle_on_the_same_platform_is_refused_with_a_message()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);

        var response = await RequestAsync(director, "Telegram", " @kqz_trajnimi ");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(
            "Ekziston tashmë një llogari aktive ose në pritje me këtë emër në këtë platformë.",
            await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDbAsync(db => db.OfficialAccounts.CountAsync(a => a.Handle == "@kqz_trajnimi")));
    }

    [Fact]
    public async Task Same_handle_on_another_platform_is_accepted()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(director, "Other", "@kqz_trajnimi", controlClass: "ThirdParty")).StatusCode);
        Assert.Equal(2, await portal.WithDbAsync(db => db.OfficialAccounts.CountAsync(a => a.Handle == "@kqz_trajnimi")));
    }

    [Fact]
    public async Task Database_refuses_a_second_live_account_with_the_same_handle_under_the_index_the_page_recognises()
    {
        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var director = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
            db.OfficialAccounts.Add(OfficialAccount.Request(Platform.Telegram, null, "@kqz_trajnimi", "Dyfish", director.DirectorateId, "Provë", director.Id, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }));
        Assert.True(exception.IsUniqueViolation("ix_official_accounts_platform_handle"));
    }

    [Fact]
    public async Task Control_class_that_contradicts_the_platform_is_refused_and_nothing_is_saved()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);

        var response = await RequestAsync(director, "Telegram", NewHandle, controlClass: "KqzControlled");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Platforma Telegram është gjithmonë „Jashtë kontrollit të KQZ-së (§4c)”", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.OfficialAccounts.AnyAsync(a => a.Handle == NewHandle)));
    }

    [Fact]
    public async Task Missing_fields_are_named_and_nothing_is_saved()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var before = await portal.WithDbAsync(db => db.OfficialAccounts.CountAsync());

        var response = await director.PostFormAsync("/Channels/Accounts/Request", ("Input.Platform", "Telegram"), ("Input.Handle", NewHandle));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Fusha „Emri i llogarisë” është e detyrueshme.", html, StringComparison.Ordinal);
        Assert.Contains("Fusha „Qëllimi” është e detyrueshme.", html, StringComparison.Ordinal);
        Assert.Equal(before, await portal.WithDbAsync(db => db.OfficialAccounts.CountAsync()));
    }

    [Theory]
    [InlineData("SecretaryGeneral")]
    [InlineData("Auditor")]
    public async Task Only_directors_may_request_an_account(string role)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(role == "Auditor" ? DemoAccounts.Auditor : DemoAccounts.SecretaryGeneral);
        Responses.AssertRefused(await client.GetAsync("/Channels/Accounts/Request"), role + " opens the request form");
    }

    [Fact]
    public async Task Stale_decision_is_refused_with_a_clear_message()
    {
        var pending = await portal.AccountAsync("@kqz_trajnimi");
        var drawn = await portal.VersionAsync(pending.Id);
        using var sg = portal.CreatePortalClient();
        await sg.SignInAsync(DemoAccounts.SecretaryGeneral);

        // The same form opened twice: the first tab approves, the second still carries the old row version.
        Assert.Equal(HttpStatusCode.Redirect, (await sg.DecideAsync(pending.Id, "Approve", drawn)).StatusCode);
        var stale = await sg.DecideAsync(pending.Id, "Refuse", drawn, reason: "Nuk duhet");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Dikush tjetër e ndryshoi këtë llogari zyrtare ndërkohë.", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var after = await portal.AccountAsync("@kqz_trajnimi");
        Assert.Equal(AccountStatus.Active, after.Status);
        Assert.Null(after.StatusReason);
    }

    [Fact]
    public async Task Secretary_general_suspends_resumes_and_closes_an_account_with_reasons()
    {
        var account = await portal.AccountAsync("0800 0253");
        using var sg = portal.CreatePortalClient();
        await sg.SignInAsync(DemoAccounts.SecretaryGeneral);

        var noReason = await sg.DecideAsync(account.Id, "Suspend", await portal.VersionAsync(account.Id), reason: string.Empty);
        Assert.Contains("Shkruani arsyen.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AccountStatus.Active, (await portal.AccountAsync("0800 0253")).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await sg.DecideAsync(account.Id, "Suspend", await portal.VersionAsync(account.Id), "Mirëmbajtje e linjës")).StatusCode);
        Assert.Equal(AccountStatus.Suspended, (await portal.AccountAsync("0800 0253")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await sg.DecideAsync(account.Id, "Resume", await portal.VersionAsync(account.Id))).StatusCode);
        Assert.Equal(AccountStatus.Active, (await portal.AccountAsync("0800 0253")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await sg.DecideAsync(account.Id, "Close", await portal.VersionAsync(account.Id), "Zëvendësohet nga numri i ri")).StatusCode);

        var closed = await portal.AccountAsync("0800 0253");
        Assert.Equal(AccountStatus.Closed, closed.Status);
        Assert.Equal("Zëvendësohet nga numri i ri", closed.StatusReason);
        Assert.Equal(4, await portal.AuditRowsAsync(account.Id));
    }

    [Fact]
    public async Task Director_cannot_suspend_an_account()
    {
        var account = await portal.AccountAsync("@kqz_administrata");
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        Responses.AssertRefused(await director.DecideAsync(account.Id, "Suspend", await portal.VersionAsync(account.Id), "Arsye"), "director suspends");
        Assert.Equal(AccountStatus.Active, (await portal.AccountAsync("@kqz_administrata")).Status);
    }

    private static Task<HttpResponseMessage> RequestAsync(PortalClient client, string platform, string handle, string controlClass = "") =>
        client.PostFormAsync(
            "/Channels/Accounts/Request",
            ("Input.Platform", platform),
            ("Input.ControlClass", controlClass),
            ("Input.Handle", handle),
            ("Input.Name", "KQZ – Zgjedhjet 2026"),
            ("Input.Purpose", "Njoftime për komisionerët"));
}
