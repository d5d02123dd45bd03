using System.Net;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Account;

[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Anonymous_dashboard_request_is_sent_to_login()
    {
        using var client = portal.CreatePortalClient();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clerk_signs_in_with_password_only_and_sees_the_dashboard_in_Albanian()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.Clerk);
        var html = await client.GetHtmlAsync("/");
        Assert.Contains("Mirë se vini, Ilir Shehu", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"sq\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Director_needs_the_authenticator_code_after_the_password()
    {
        using var client = portal.CreatePortalClient();
        var response = await client.PostFormAsync("/Account/Login",
            ("Input.Email", DemoAccounts.AdministrationDirector.Email), ("Input.Password", DemoAccounts.Password));
        Assert.Contains("/Account/LoginWith2fa", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var dashboard = await client.GetAsync("/");
        Assert.Contains("/Account/Login", dashboard.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var wrong = await client.PostFormAsync("/Account/LoginWith2fa", ("Input.Code", "000000"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Kodi nuk është i saktë", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await client.PostFormAsync("/Account/LoginWith2fa", ("Input.Code", client.Code(DemoAccounts.AdministrationDirector.TotpSecret!)));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_five_times_locks_the_account()
    {
        using var client = portal.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            var attempt = await client.PostFormAsync("/Account/Login", ("Input.Email", DemoAccounts.Clerk.Email), ("Input.Password", "Wrong-password-1!"));
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        var locked = await client.PostFormAsync("/Account/Login", ("Input.Email", DemoAccounts.Clerk.Email), ("Input.Password", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("bllokuar", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_cookie_is_secure_httponly_and_strict()
    {
        using var client = portal.CreatePortalClient();
        var response = await client.PostFormAsync("/Account/Login", ("Input.Email", DemoAccounts.Clerk.Email), ("Input.Password", DemoAccounts.Password));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ec.session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_director_without_authenticator_is_held_on_setup_until_a_valid_code_is_entered()
    {
        await CreateDirectorWithoutSecondFactorAsync("drejtor.ri@kqz.gov.al");
        using var client = portal.CreatePortalClient();
        var login = await client.PostFormAsync("/Account/Login", ("Input.Email", "drejtor.ri@kqz.gov.al"), ("Input.Password", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        foreach (var page in new[] { "/", "/Administration", "/Account/../Administration" })
        {
            var blocked = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.EndsWith(AccountSetupGate.SetupAuthenticatorPath, blocked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var setup = await client.GetHtmlAsync(AccountSetupGate.SetupAuthenticatorPath);
        Assert.Contains("data:image/png;base64,", setup, StringComparison.Ordinal);
        var key = await portal.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync("drejtor.ri@kqz.gov.al");
            return await users.GetAuthenticatorKeyAsync(user!);
        });

        var wrong = await client.PostFormAsync(AccountSetupGate.SetupAuthenticatorPath, ("Input.Code", "123456"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var right = await client.PostFormAsync(AccountSetupGate.SetupAuthenticatorPath, ("Input.Code", client.Code(key!)));
        Assert.EndsWith("/Account/RecoveryCodes", right.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var codes = await client.GetHtmlAsync("/Account/RecoveryCodes");
        Assert.Contains("data-testid=\"recovery-codes\"", codes, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Recovery_code_signs_in_once_and_not_twice()
    {
        var code = await portal.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(DemoAccounts.SecretaryGeneral.Email);
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user!, 10))!.First();
        });

        using (var first = portal.CreatePortalClient())
        {
            await first.PostFormAsync("/Account/Login", ("Input.Email", DemoAccounts.SecretaryGeneral.Email), ("Input.Password", DemoAccounts.Password));
            var used = await first.PostFormAsync("/Account/LoginWithRecoveryCode", ("Input.RecoveryCode", code));
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        }

        using var second = portal.CreatePortalClient();
        await second.PostFormAsync("/Account/Login", ("Input.Email", DemoAccounts.SecretaryGeneral.Email), ("Input.Password", DemoAccounts.Password));
        var reused = await second.PostFormAsync("/Account/LoginWithRecoveryCode", ("Input.RecoveryCode", code));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.Clerk);
        var response = await client.PostFormAsync("/", Array.Empty<KeyValuePair<string, string>>(), "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    private Task CreateDirectorWithoutSecondFactorAsync(string email) => portal.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<ElectionComms.Web.Data.AppDbContext>();
        var directorate = await db.Directorates.SingleAsync(d => d.Code == "DTE");
        var superior = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.SecretaryGeneral.Email);
        var (id, errors) = await services.GetRequiredService<StaffAccounts>().CreateAsync(
            new NewStaffAccount("Drita Gjoka", email, null, ElectionComms.Domain.Organisation.Rank.Director, directorate.Id, superior.Id, "Director"),
            DemoAccounts.Password,
            mustChangePassword: false);
        Assert.True(id.HasValue, string.Join("; ", errors.Select(e => e.Description)));
    });
}
