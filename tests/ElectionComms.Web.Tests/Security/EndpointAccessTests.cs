using System.Net;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Security;

/// <summary>
/// Walks every endpoint the app maps, so a new page is covered the moment it exists: a stranger is sent to the
/// sign-in page everywhere except on the few addresses that are anonymous on purpose.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class EndpointAccessTests(PortalFactory portal) : IAsyncLifetime
{
    /// <summary>
    /// The only endpoints a stranger may reach, by route pattern (constraints removed), with the sample address
    /// requested and the status the endpoint itself answers with. Add an entry here only with a reason.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (string Url, HttpStatusCode Status)> AnonymousAllowList =
        new Dictionary<string, (string, HttpStatusCode)>(StringComparer.OrdinalIgnoreCase)
        {
            // Signing in, in its three steps.
            ["/Account/Login"] = ("/Account/Login", HttpStatusCode.OK),
            ["/Account/LoginWith2fa"] = ("/Account/LoginWith2fa", HttpStatusCode.Redirect),
            ["/Account/LoginWithRecoveryCode"] = ("/Account/LoginWithRecoveryCode", HttpStatusCode.Redirect),

            // Where the sign-in cookie sends a signed-in user who lacks the role; says so with a 403.
            ["/Account/AccessDenied"] = ("/Account/AccessDenied", HttpStatusCode.Forbidden),

            // The language switch on the sign-in page; GET only redirects home.
            ["/Language"] = ("/Language", HttpStatusCode.Redirect),

            // Friendly error pages, re-executed for any request, signed in or not.
            ["/Error/{code}"] = ("/Error/404", HttpStatusCode.NotFound),

            // The public invitation page (§5b): an unknown code answers 404 with a page that names no group.
            ["/ftese/{code}"] = ("/ftese/AAAAAAAAAAAAAAAAAAAAAA", HttpStatusCode.NotFound),

            // The current KQZ logo shown on the public invitation page.
            ["/ftese/logo"] = ("/ftese/logo", HttpStatusCode.OK),

            // The KQZ app's member pages (issue 20): a device key, not a staff sign-in, admits a member; a stranger's
            // browser has none and is told to open their personal invitation, with nothing about anyone shown.
            ["/app"] = ("/app", HttpStatusCode.OK),
            ["/app/m/{id}"] = ("/app/m/1", HttpStatusCode.OK),

            // Binding a device: GET only redirects to the app; the POST needs a ticket from the invitation gate.
            ["/app/bind"] = ("/app/bind", HttpStatusCode.Redirect),

            // Load balancer probe.
            ["/health"] = ("/health", HttpStatusCode.OK),
        };

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_endpoint_outside_the_allow_list_sends_a_stranger_to_sign_in()
    {
        var endpoints = RouteEndpoints();
        Assert.Contains(endpoints, e => e.Pattern == "/Administration/Kzaz/{id}");
        using var client = portal.CreatePortalClient();
        var failures = new List<string>();

        foreach (var endpoint in endpoints.Where(e => !AnonymousAllowList.ContainsKey(e.Pattern)))
        {
            foreach (var method in endpoint.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), endpoint.SampleUrl);
                if (method == HttpMethods.Post)
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                using var response = await client.Http.SendAsync(request);
                if (!Responses.IsSignInChallenge(response) && response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
                {
                    failures.Add($"{method} {endpoint.SampleUrl} ({endpoint.Pattern}) answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Reachable without signing in, but not on the allow-list:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_allow_list_entry_is_a_real_endpoint_that_a_stranger_reaches()
    {
        var patterns = RouteEndpoints().Select(e => e.Pattern).ToHashSet(StringComparer.OrdinalIgnoreCase);
        using var client = portal.CreatePortalClient();

        foreach (var (pattern, (url, status)) in AnonymousAllowList)
        {
            Assert.True(patterns.Contains(pattern), $"Allow-list entry {pattern} matches no endpoint: remove it");
            var response = await client.GetAsync(url);
            Assert.False(Responses.IsSignInChallenge(response), $"GET {url} asks a stranger to sign in although {pattern} is on the allow-list");
            Assert.True(status == response.StatusCode, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}, expected {(int)status}");
        }
    }

    [Fact]
    public async Task Sign_in_page_and_health_probe_answer_a_stranger_with_content()
    {
        using var client = portal.CreatePortalClient();

        var login = await client.GetHtmlAsync("/Account/Login");
        var health = await client.GetHtmlAsync("/health");

        Assert.Contains("name=\"Input.Password\"", login, StringComparison.Ordinal);
        Assert.Equal("Healthy", health);
    }

    [Fact]
    public void Demo_accounts_cover_every_role() =>
        Assert.Equal(StaffRole.All.Order(StringComparer.Ordinal), DemoAccounts.All.Select(a => a.Role).Distinct().Order(StringComparer.Ordinal));

    /// <summary>Every demo account, so every role (and both directors) is covered.</summary>
    public static TheoryData<string> DemoAccountEmails() => new(DemoAccounts.All.Select(a => a.Email));

    [Theory]
    [MemberData(nameof(DemoAccountEmails))]
    public async Task Every_demo_role_may_open_every_Administration_page(string email)
    {
        var account = DemoAccounts.All.Single(a => a.Email == email);
        var role = account.Role;
        var zoneId = await portal.WithDbAsync(db => db.Kzazs.Where(k => k.ElectionId == portal.ElectionId).OrderBy(k => k.Number).Select(k => k.Id).FirstAsync());
        var pages = RouteEndpoints(new Dictionary<string, string> { ["id"] = zoneId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .Where(e => e.Pattern.StartsWith("/Administration", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(pages.Count >= 2, "The Administration pages were not found among the endpoints");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(account);

        foreach (var page in pages)
        {
            var response = await client.GetAsync(page.SampleUrl);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role}: GET {page.SampleUrl} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    private List<MappedEndpoint> RouteEndpoints(IReadOnlyDictionary<string, string>? samples = null) =>
        PortalEndpoints.RouteEndpoints(portal.Services, samples);
}
