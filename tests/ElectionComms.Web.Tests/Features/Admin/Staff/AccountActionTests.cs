using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Admin.Staff;

/// <summary>The one-button actions of the edit page: deactivate, reactivate, reset password, reset two-step verification.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class AccountActionTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Deactivated_clerk_can_no_longer_sign_in_and_both_records_are_audited()
    {
        using var admin = await AdminAsync();
        var clerk = await portal.StaffIdAsync(DemoAccounts.Clerk.Email);
        var adminId = await portal.StaffIdAsync(DemoAccounts.SystemAdministrator.Email);
        var stampBefore = (await portal.UserAsync(DemoAccounts.Clerk.Email)).SecurityStamp;

        var response = await ActAsync(admin, clerk, "Deactivate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("U çaktivizua llogaria për Ilir Shehu", await admin.GetHtmlAsync(EditTests.Url(clerk)), StringComparison.Ordinal);
        var user = await portal.UserAsync(DemoAccounts.Clerk.Email);
        Assert.Equal(DateTimeOffset.MaxValue, user.LockoutEnd);
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        Assert.False(await portal.WithDbAsync(db => db.Staff.Where(s => s.Id == clerk).Select(s => s.IsActive).SingleAsync()));

        using var person = portal.CreatePortalClient();
        var login = await person.PostFormAsync("/Account/Login", ("Input.Email", DemoAccounts.Clerk.Email), ("Input.Password", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync("/")).StatusCode);

        var staffRow = (await portal.AuditRowsAsync("StaffMember", clerk.ToString())).Last();
        Assert.Equal(("StaffMember.Updated", adminId), (staffRow.Action, staffRow.ActorId!.Value));
        Assert.Contains("\"IsActive\":[true,false]", staffRow.Details, StringComparison.Ordinal);
        var userRow = (await portal.AuditRowsAsync("AppUser", clerk.ToString())).Last();
        Assert.Equal(("AppUser.Updated", adminId), (userRow.Action, userRow.ActorId!.Value));
        Assert.Contains("LockoutEnd", userRow.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reactivated_clerk_signs_in_again()
    {
        using var admin = await AdminAsync();
        var clerk = await portal.StaffIdAsync(DemoAccounts.Clerk.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, clerk, "Deactivate")).StatusCode);

        var response = await ActAsync(admin, clerk, "Reactivate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("U riaktivizua llogaria për Ilir Shehu.", await admin.GetHtmlAsync(EditTests.Url(clerk)), StringComparison.Ordinal);
        Assert.Null((await portal.UserAsync(DemoAccounts.Clerk.Email)).LockoutEnd);
        using var person = portal.CreatePortalClient();
        await person.SignInAsync(DemoAccounts.Clerk);
    }

    [Fact]
    public async Task Director_with_active_reports_cannot_be_deactivated()
    {
        using var admin = await AdminAsync();
        var director = await portal.StaffIdAsync(DemoAccounts.AdministrationDirector.Email);

        await ActAsync(admin, director, "Deactivate");

        var html = await admin.GetHtmlAsync(EditTests.Url(director));
        Assert.Contains("2 persona raportojnë ende te ky person. Caktojuni një epror tjetër para çaktivizimit.", html, StringComparison.Ordinal);
        Assert.True(await portal.WithDbAsync(db => db.Staff.Where(s => s.Id == director).Select(s => s.IsActive).SingleAsync()));
        Assert.Null((await portal.UserAsync(DemoAccounts.AdministrationDirector.Email)).LockoutEnd);
    }

    [Fact]
    public async Task Administrator_cannot_deactivate_their_own_account()
    {
        using var admin = await AdminAsync();
        var adminId = await portal.StaffIdAsync(DemoAccounts.SystemAdministrator.Email);

        await ActAsync(admin, adminId, "Deactivate");

        var html = AdminPages.Text(await admin.GetHtmlAsync(EditTests.Url(adminId)));
        Assert.Contains("Nuk mund të çaktivizoni llogarinë tuaj. Këtë duhet ta bëjë një administrator tjetër.", html, StringComparison.Ordinal);
        Assert.True(await portal.WithDbAsync(db => db.Staff.Where(s => s.Id == adminId).Select(s => s.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Reactivation_is_refused_while_the_superior_is_inactive()
    {
        using var admin = await AdminAsync();
        var clerk = await portal.StaffIdAsync(DemoAccounts.Clerk.Email);
        var officer = await portal.StaffIdAsync(DemoAccounts.CommunicationOfficer.Email);
        var director = await portal.StaffIdAsync(DemoAccounts.AdministrationDirector.Email);
        foreach (var id in new[] { clerk, officer, director })
        {
            await ActAsync(admin, id, "Deactivate");
        }

        Assert.False(await portal.WithDbAsync(db => db.Staff.Where(s => s.Id == director).Select(s => s.IsActive).SingleAsync()));
        await ActAsync(admin, clerk, "Reactivate");

        var html = await admin.GetHtmlAsync(EditTests.Url(clerk));
        Assert.Contains("Besnik Leka nuk është më aktiv dhe nuk mund të jetë epror.", html, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Staff.Where(s => s.Id == clerk).Select(s => s.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Director_whose_two_factor_was_reset_must_set_it_up_again_at_next_sign_in()
    {
        using var admin = await AdminAsync();
        var director = await portal.StaffIdAsync(DemoAccounts.LogisticsDirector.Email);
        var adminId = await portal.StaffIdAsync(DemoAccounts.SystemAdministrator.Email);

        var response = await ActAsync(admin, director, "ResetTwoFactor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await portal.UserAsync(DemoAccounts.LogisticsDirector.Email)).TwoFactorEnabled);
        using var person = portal.CreatePortalClient();
        var login = await person.PostFormAsync("/Account/Login", ("Input.Email", DemoAccounts.LogisticsDirector.Email), ("Input.Password", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.DoesNotContain("LoginWith2fa", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var held = await person.GetAsync("/");
        Assert.EndsWith(AccountSetupGate.SetupAuthenticatorPath, held.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The old authenticator's codes no longer match the new key.
        var setup = await person.PostFormAsync(AccountSetupGate.SetupAuthenticatorPath, ("Input.Code", person.Code(DemoAccounts.LogisticsDirector.TotpSecret!)));
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);

        var row = (await portal.AuditRowsAsync("AppUser", director.ToString())).Last(r => r.Details.Contains("TwoFactorEnabled", StringComparison.Ordinal));
        Assert.Equal(("AppUser.Updated", adminId), (row.Action, row.ActorId!.Value));
        Assert.Contains("\"TwoFactorEnabled\":[true,false]", row.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_reset_shows_a_temporary_password_once_that_must_be_changed_at_sign_in()
    {
        using var admin = await AdminAsync();
        var clerk = await portal.StaffIdAsync(DemoAccounts.Clerk.Email);
        var adminId = await portal.StaffIdAsync(DemoAccounts.SystemAdministrator.Email);

        var response = await ActAsync(admin, clerk, "ResetPassword");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetAsync(EditTests.Url(clerk));
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var match = TemporaryPasswordPattern().Match(await page.Content.ReadAsStringAsync());
        Assert.True(match.Success, "The temporary password is not shown");
        var temporary = WebUtility.HtmlDecode(match.Groups[1].Value);
        Assert.Equal(16, temporary.Length);
        Assert.DoesNotMatch(TemporaryPasswordPattern(), await admin.GetHtmlAsync(EditTests.Url(clerk)));

        using var person = portal.CreatePortalClient();
        var old = await person.PostFormAsync("/Account/Login", ("Input.Email", DemoAccounts.Clerk.Email), ("Input.Password", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var login = await person.PostFormAsync("/Account/Login", ("Input.Email", DemoAccounts.Clerk.Email), ("Input.Password", temporary));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.EndsWith(AccountSetupGate.ChangePasswordPath, (await person.GetAsync("/")).Headers.Location!.OriginalString, StringComparison.Ordinal);

        var row = (await portal.AuditRowsAsync("AppUser", clerk.ToString())).Last(r => r.ActorId == adminId);
        Assert.Contains("\"PasswordHash\":\"***\"", row.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(temporary, row.Details, StringComparison.Ordinal);
    }

    private async Task<PortalClient> AdminAsync()
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.SystemAdministrator);
        return client;
    }

    /// <summary>Posts one of the edit page's action forms with the version the page shows now.</summary>
    private async Task<HttpResponseMessage> ActAsync(PortalClient admin, Guid id, string handler)
    {
        var version = await portal.StaffVersionAsync(id);
        return await admin.PostFormAsync(EditTests.Url(id), [new("version", version.ToString(CultureInfo.InvariantCulture))], $"{EditTests.Url(id)}?handler={handler}");
    }

    [GeneratedRegex("data-testid=\"temporary-password\">([^<]+)<")]
    private static partial Regex TemporaryPasswordPattern();
}
