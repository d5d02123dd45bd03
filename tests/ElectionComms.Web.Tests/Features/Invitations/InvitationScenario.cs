using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Domain.Invitations;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Invitations;

/// <summary>
/// The registry people of <see cref="ReconciliationScenario"/> (a KQV group of KZAZ 1 on WhatsApp, with a join link
/// from the seed) and a clerk who creates invitations for that group through the pages.
/// </summary>
public static partial class InvitationScenario
{
    public static string GroupUrl(int groupId) => $"/Invitations/Group/{groupId}";

    public static string Tomorrow => DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");

    public static async Task<PortalClient> ClerkAsync(PortalFactory portal)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.Clerk);
        return client;
    }

    /// <summary>Creates an invitation through the page; returns its id and code as the Show page displays them.</summary>
    public static async Task<(int Id, string Code)> CreateAsync(
        PortalClient clerk, int groupId, int maxUses = 5, int? personId = null, string? expires = null)
    {
        var fields = new List<(string, string)>
        {
            ("Input.ExpiresOn", expires ?? Tomorrow), ("Input.MaxUses", maxUses.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Note", "Trajnimi i KQV-ve"),
        };
        if (personId is { } person)
        {
            fields.Add(("Input.Personal", "true"));
            fields.Add(("Input.PersonId", person.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var response = await clerk.PostFormAsync(GroupUrl(groupId), fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), GroupUrl(groupId) + "?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var id = int.Parse(IdPattern().Match(location).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var html = await clerk.GetHtmlAsync(location);
        var code = CodePattern().Match(html).Groups[1].Value;
        Assert.Equal(22, code.Length);
        return (id, code);
    }

    public static Task<Invitation> LoadAsync(PortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == id));

    public static Task<int> CountAsync(PortalFactory portal) => portal.WithDbAsync(db => db.Invitations.CountAsync());

    /// <summary>Opens the public page and submits a phone number, as a member's phone would.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> SubmitPhoneAsync(PortalClient member, string code, string phone)
    {
        var url = "/ftese/" + code;
        var page = await member.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = PortalClient.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var response = await member.Http.PostAsync(url, new FormUrlEncodedContent(
            [new("Input.Phone", phone), new("__RequestVerificationToken", token)]));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"/Invitations/Show/(\d+)")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"/ftese/([A-Za-z0-9_-]{22})")]
    private static partial Regex CodePattern();
}
