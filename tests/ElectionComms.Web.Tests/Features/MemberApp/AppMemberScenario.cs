using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Tests.Features.Invitations;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.MemberApp;

/// <summary>A KQV member of a zone, and their browser bound to the KQZ app through a personal invitation, as a member would do it.</summary>
public static partial class AppMemberScenario
{
    public const string Inbox = "/app";

    /// <summary>The app group "Aplikacioni – KQV – KZAZ n" of the seeded election.</summary>
    public static Task<int> KqvGroupAsync(PortalFactory portal, int kzaz = 1) =>
        portal.WithDbAsync(db => db.Groups.Where(g => g.Name == $"Aplikacioni – KQV – KZAZ {kzaz}").Select(g => g.Id).SingleAsync());

    /// <summary>A member of the first KQV of the zone, mandate running since last month.</summary>
    public static Task<Person> KqvMemberAsync(PortalFactory portal, string name, string phone, int kzaz = 1) => portal.WithDbAsync(async db =>
    {
        var centre = await db.VotingCentres.Where(v => v.ElectionId == portal.ElectionId && db.Kzazs.Any(k => k.Id == v.KzazId && k.Number == kzaz))
            .OrderBy(v => v.Number).FirstAsync();
        var person = Person.Register(portal.ElectionId, name, phone, UnitRole.Member, AdministrationLevel.Kqv, centre.Id,
            DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1), null);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    });

    /// <summary>The clerk's personal invitation for the person to the group (one use, or more for a second device).</summary>
    public static async Task<string> InvitationAsync(PortalFactory portal, int groupId, int personId, int maxUses = 1)
    {
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        return (await InvitationScenario.CreateAsync(clerk, groupId, maxUses, personId)).Code;
    }

    /// <summary>A new browser opens the invitation, types the number, and presses "Open the KQZ app".</summary>
    public static async Task<PortalClient> BoundAsync(PortalFactory portal, string code, string phone)
    {
        var member = portal.CreatePortalClient();
        var (granted, html) = await InvitationScenario.SubmitPhoneAsync(member, code, phone);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var ticket = Ticket(html);
        var bound = await PostTicketAsync(member, html, ticket);
        Assert.Equal(HttpStatusCode.Redirect, bound.StatusCode);
        Assert.Equal(Inbox, bound.Headers.Location!.OriginalString);
        return member;
    }

    /// <summary>The ticket the invitation page put in its "Open the KQZ app" form.</summary>
    public static string Ticket(string html)
    {
        var match = TicketField().Match(html);
        Assert.True(match.Success, "the invitation page offers to open the app");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static Task<HttpResponseMessage> PostTicketAsync(PortalClient member, string html, string ticket) =>
        member.Http.PostAsync("/app/bind", new FormUrlEncodedContent(
            [new("ticket", ticket), new("__RequestVerificationToken", PortalClient.AntiforgeryToken(html))]));

    /// <summary>The ids of the inbox items the member's inbox lists.</summary>
    public static async Task<List<long>> ItemsAsync(PortalClient member)
    {
        var html = await member.GetHtmlAsync(Inbox);
        return [.. ItemId().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    [GeneratedRegex(@"name=""ticket"" value=""([^""]+)""")]
    private static partial Regex TicketField();

    [GeneratedRegex(@"data-testid=""inbox-item"" data-id=""(\d+)""")]
    private static partial Regex ItemId();
}
