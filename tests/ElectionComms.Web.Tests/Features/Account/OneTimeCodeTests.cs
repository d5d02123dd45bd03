using System.Net;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using OtpNet;

namespace ElectionComms.Web.Tests.Features.Account;

/// <summary>An authenticator code is accepted once, for sign-in or step-up (§7 step-up, ADR 0019).</summary>
[Collection(PortalCollection.Name)]
public sealed class OneTimeCodeTests(PortalFactory portal) : IAsyncLifetime
{
    private const string AlreadyUsed = "Ky kod është përdorur tashmë; prisni kodin e radhës në aplikacionin e autentifikimit.";
    private static readonly DemoAccount Director = DemoAccounts.AdministrationDirector;

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string CurrentCode() => new Totp(Base32Encoding.ToBytes(Director.TotpSecret!)).ComputeTotp();

    private async Task<(PortalClient Client, string TwoFactorUrl)> PasswordOnlyAsync()
    {
        var client = portal.CreatePortalClient();
        var response = await client.PostFormAsync("/Account/Login", ("Input.Email", Director.Email), ("Input.Password", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, response.Headers.Location!.OriginalString);
    }

    private static async Task<HttpResponseMessage> StepUpAsync(PortalClient client, string code) =>
        await client.PostFormAsync("/Account/StepUp", ("Input.Code", code));

    [Fact]
    public async Task The_code_that_signed_in_is_refused_for_step_up_and_the_next_steps_code_is_accepted()
    {
        var code = CurrentCode();
        var (client, url) = await PasswordOnlyAsync();
        using var _ = client;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, ("Input.Code", code))).StatusCode);

        var again = await StepUpAsync(client, code);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(AlreadyUsed, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var next = new Totp(Base32Encoding.ToBytes(Director.TotpSecret!)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, (await StepUpAsync(client, next)).StatusCode);
    }

    [Fact]
    public async Task One_code_steps_up_once()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Director);
        var code = client.Code(Director.TotpSecret!);

        Assert.Equal(HttpStatusCode.Redirect, (await StepUpAsync(client, code)).StatusCode);
        var again = await StepUpAsync(client, code);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(AlreadyUsed, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_browser_cannot_sign_in_with_the_code_the_first_used()
    {
        var code = CurrentCode();
        var (first, firstUrl) = await PasswordOnlyAsync();
        var (second, secondUrl) = await PasswordOnlyAsync();
        using var a = first;
        using var b = second;

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(firstUrl, ("Input.Code", code))).StatusCode);
        var refused = await second.PostFormAsync(secondUrl, ("Input.Code", code));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(AlreadyUsed, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/Account/StepUp")).StatusCode);
    }

    [Fact]
    public async Task Two_browsers_presenting_the_same_code_at_once_do_not_both_sign_in()
    {
        var code = CurrentCode();
        var browsers = new List<(PortalClient Client, string Url)>();
        for (var i = 0; i < 4; i++)
        {
            browsers.Add(await PasswordOnlyAsync());
        }

        var responses = await Task.WhenAll(browsers.Select(b => b.Client.PostFormAsync(b.Url, ("Input.Code", code))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        browsers.ForEach(b => b.Client.Dispose());
    }
}
