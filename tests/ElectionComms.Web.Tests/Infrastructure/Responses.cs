using System.Net;

namespace ElectionComms.Web.Tests.Infrastructure;

public static class Responses
{
    /// <summary>A refusal as the cookie scheme answers it: 403, or a redirect to the access-denied page.</summary>
    public static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal));

    public static void AssertRefused(HttpResponseMessage response, string what) =>
        Assert.True(IsRefused(response), $"{what}: expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
}
