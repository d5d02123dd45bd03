using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Web.Data.Seed;
using OtpNet;

namespace ElectionComms.Bench;

/// <summary>Signs a client in as a demo account the way a browser does: password, then the authenticator code.</summary>
internal static partial class SignIn
{
    public static async Task AsAsync(HttpClient client, DemoAccount account)
    {
        var login = await PostFormAsync(client, "/Account/Login", ("Input.Email", account.Email), ("Input.Password", DemoAccounts.Password));
        var next = login.Headers.Location?.OriginalString ?? throw new InvalidOperationException("Sign-in did not redirect: " + login.StatusCode);
        if (next.Contains("LoginWith2fa", StringComparison.Ordinal))
        {
            var code = new Totp(Base32Encoding.ToBytes(account.TotpSecret!)).ComputeTotp();
            var second = await PostFormAsync(client, next, ("Input.Code", code));
            next = second.Headers.Location?.OriginalString ?? throw new InvalidOperationException("The authenticator code was refused");
        }

        var home = await client.GetAsync("/");
        if (home.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Signed in, but the dashboard answered {(int)home.StatusCode} ({next})");
        }
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(url);
        var token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
