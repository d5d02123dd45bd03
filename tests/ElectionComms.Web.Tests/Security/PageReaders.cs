using System.Net;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;

namespace ElectionComms.Web.Tests.Security;

/// <summary>
/// Every demo account signed in once, so a test that walks every page can open each one as someone allowed to see it:
/// the first account, in a fixed order, whose plain GET is not refused.
/// </summary>
public sealed class PageReaders : IDisposable
{
    /// <summary>Those who read the most first, so most pages are read by the Secretary General.</summary>
    private static readonly DemoAccount[] Order =
    [
        DemoAccounts.SecretaryGeneral, DemoAccounts.AdministrationDirector, DemoAccounts.Clerk, DemoAccounts.CommunicationOfficer,
        DemoAccounts.SystemAdministrator, DemoAccounts.Auditor, DemoAccounts.LogisticsDirector, DemoAccounts.HelplineOperator,
    ];

    private readonly List<(DemoAccount Account, PortalClient Client)> clients;

    private PageReaders(List<(DemoAccount, PortalClient)> clients) => this.clients = clients;

    public static async Task<PageReaders> SignInAsync(PortalFactory portal)
    {
        var clients = new List<(DemoAccount, PortalClient)>();
        foreach (var account in Order)
        {
            var client = portal.CreatePortalClient();
            await client.SignInAsync(account);
            clients.Add((account, client));
        }

        return new PageReaders(clients);
    }

    /// <summary>
    /// The first account allowed to open <paramref name="url"/>, and its answer: one that gets the page, else one that
    /// gets past the role checks to a 404 (a download with nothing to download, the 404 page itself); null when every
    /// account is refused.
    /// </summary>
    public Task<(DemoAccount Account, PortalClient Client, HttpResponseMessage Response)?> FirstAllowedAsync(string url) =>
        FirstAllowedAsync(async client => (HttpResponseMessage?)await client.GetAsync(url));

    /// <summary>The same for any request: the first account whose <paramref name="request"/> is not refused.</summary>
    public async Task<(DemoAccount Account, PortalClient Client, HttpResponseMessage Response)?> FirstAllowedAsync(
        Func<PortalClient, Task<HttpResponseMessage?>> request)
    {
        (DemoAccount, PortalClient, HttpResponseMessage)? notFound = null;
        foreach (var (account, client) in clients)
        {
            var response = await request(client);
            if (response is null || Responses.IsRefused(response) || Responses.IsSignInChallenge(response))
            {
                continue;
            }

            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                return (account, client, response);
            }

            notFound ??= (account, client, response);
        }

        return notFound;
    }

    public void Dispose()
    {
        foreach (var (_, client) in clients)
        {
            client.Dispose();
        }
    }
}
