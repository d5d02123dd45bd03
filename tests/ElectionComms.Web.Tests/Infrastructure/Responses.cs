using System.Net;

namespace ElectionComms.Web.Tests.Infrastructure;

public static class Responses
{
    /// <summary>A refusal as the cookie scheme answers it: 403, or a redirect to the access-denied page.</summary>
    public static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal));

    /// <summary>The sign-in cookie's challenge: a redirect to the login page that remembers where the user was going.</summary>
    public static bool IsSignInChallenge(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        if (response.StatusCode != HttpStatusCode.Redirect || location is null)
        {
            return false;
        }

        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("https://localhost"), location);
        return absolute.AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase)
            && absolute.Query.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase);
    }

    public static void AssertRefused(HttpResponseMessage response, string what) =>
        Assert.True(IsRefused(response), $"{what}: expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
}
