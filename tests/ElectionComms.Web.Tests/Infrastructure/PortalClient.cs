using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Web.Data.Seed;
using OtpNet;

namespace ElectionComms.Web.Tests.Infrastructure;

/// <summary>
/// Drives the portal as a browser would over HTTP: GET the form, read its antiforgery token, POST, follow the
/// redirect by hand so tests can assert on each step.
/// </summary>
/// <param name="database">The portal's database, which remembers the authenticator codes it accepted (see <see cref="TotpCode"/>).</param>
public sealed partial class PortalClient(HttpClient http, string database = "") : IDisposable
{
    public HttpClient Http => http;

    public async Task<HttpResponseMessage> GetAsync(string url) => await http.GetAsync(url);

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>GETs <paramref name="formUrl"/> for its token, then POSTs the fields to <paramref name="postUrl"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var html = await GetHtmlAsync(formUrl);
        var token = AntiforgeryToken(html);
        var body = fields.Append(new("__RequestVerificationToken", token)).ToList();
        return await http.PostAsync(postUrl ?? formUrl, new FormUrlEncodedContent(body));
    }

    public Task<HttpResponseMessage> PostFormAsync(string formUrl, params (string Name, string Value)[] fields) =>
        PostFormAsync(formUrl, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>Signs in with password and, for accounts that have one, the TOTP code of the demo secret.</summary>
    public async Task SignInAsync(DemoAccount account)
    {
        var response = await PostFormAsync("/Account/Login", ("Input.Email", account.Email), ("Input.Password", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.Contains("LoginWith2fa", StringComparison.Ordinal))
        {
            var code = Code(account.TotpSecret ?? throw new InvalidOperationException(account.Email + " has no TOTP secret"));
            response = await PostFormAsync(response.Headers.Location.OriginalString, ("Input.Code", code));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.DoesNotContain("Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>
    /// A code the portal has not accepted yet for this secret: codes are accepted once (ADR 0019), so a test that
    /// signs in and steps up within one 30-second step gets the next step's code (accepted up to two steps ahead),
    /// and waits for the clock only past that. What was issued is remembered per database, since each test
    /// database remembers what it accepted and is reset on its own.
    /// </summary>
    public static string TotpCode(string base32Secret, string database = "")
    {
        var totp = new Totp(Base32Encoding.ToBytes(base32Secret));
        var key = database + "|" + base32Secret;
        lock (IssuedSteps)
        {
            while (true)
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
                var step = IssuedSteps.TryGetValue(key, out var last) ? Math.Max(now, last + 1) : now;
                if (step <= now + 2)
                {
                    IssuedSteps[key] = step;
                    return totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
                }

                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>A code for this client's portal database.</summary>
    public string Code(string base32Secret) => TotpCode(base32Secret, database);

    /// <summary>
    /// The database was reset: it has accepted no code for anyone. Codes issued without a database (a process with
    /// one portal) are forgotten too; other databases keep theirs.
    /// </summary>
    public static void ForgetIssuedCodes(string database)
    {
        lock (IssuedSteps)
        {
            foreach (var key in IssuedSteps.Keys.Where(k => k.StartsWith(database + "|", StringComparison.Ordinal) || k.StartsWith('|')).ToList())
            {
                IssuedSteps.Remove(key);
            }
        }
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose() => http.Dispose();

    private static readonly Dictionary<string, long> IssuedSteps = [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
