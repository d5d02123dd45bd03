using System.Net;
using System.Text.RegularExpressions;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Messages;

/// <summary>The steps of the approval journey over HTTP, shared by the message tests.</summary>
internal static partial class MessageScenario
{
    /// <summary>The demo officer relays to the KZAZ groups of zones 1–3 (Telegram, Electoral Administration).</summary>
    public static Task<int[]> OfficerGroupsAsync(PortalFactory portal) => portal.WithDbAsync(db =>
        db.Groups.Where(g => g.Officers.Any(o => db.Staff.Any(s => s.Id == o.StaffMemberId && s.Email == DemoAccounts.CommunicationOfficer.Email)))
            .OrderBy(g => g.Name).Select(g => g.Id).ToArrayAsync());

    public static async Task<HttpResponseMessage> PostDraftAsync(PortalClient client, string text, IEnumerable<int> groupIds, bool isTest = false, Guid? id = null)
    {
        var url = id is null ? "/Messages/Edit" : $"/Messages/Edit/{id}";
        var fields = new List<KeyValuePair<string, string>> { new("Input.TextSq", text) };
        fields.AddRange(groupIds.Select(g => new KeyValuePair<string, string>("Input.GroupIds", g.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        if (isTest)
        {
            fields.Add(new("Input.IsTest", "true"));
        }

        return await client.PostFormAsync(url, fields);
    }

    public static async Task<Guid> DraftAsync(PortalClient client, string text, params int[] groupIds)
    {
        var response = await PostDraftAsync(client, text, groupIds);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var match = IdPattern().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return Guid.Parse(match.Groups[1].Value);
    }

    public static Task<HttpResponseMessage> SubmitAsync(PortalClient client, Guid id, string? justification = null) =>
        client.PostFormAsync(Details(id), [new("Input.Justification", justification ?? string.Empty)], Details(id) + "?handler=Submit");

    public static async Task<Guid> SubmittedAsync(PortalFactory portal, string text = "Mbledhja e KZAZ-së nesër në orën 10:00.")
    {
        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var groups = await OfficerGroupsAsync(portal);
        var id = await DraftAsync(officer, text, groups[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(officer, id)).StatusCode);
        return id;
    }

    public static async Task StepUpAsync(PortalClient client, DemoAccount account)
    {
        var response = await client.PostFormAsync("/Account/StepUp", ("Input.Code", client.Code(account.TotpSecret!)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The hash in the approve form of the review page, as the director's browser holds it.</summary>
    public static async Task<string> ShownHashAsync(PortalClient client, Guid id)
    {
        var html = await client.GetHtmlAsync(Details(id));
        var match = HashPattern().Match(html);
        Assert.True(match.Success, "The review page has no approve form");
        return match.Groups[1].Value;
    }

    public static Task<HttpResponseMessage> DecideAsync(PortalClient client, Guid id, string handler, string hash, string? reason = null) =>
        client.PostFormAsync(Details(id), [new("Input.ContentHash", hash), new("Input.Reason", reason ?? string.Empty)], Details(id) + "?handler=" + handler);

    public static string Details(Guid id) => $"/Messages/Details/{id}";

    public static async Task MarkTestGroupAsync(PortalFactory portal, int groupId) => await portal.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Id == groupId);
        group.MarkAsTestGroup(true);
        return await db.SaveChangesAsync();
    });

    /// <summary>Assigns the demo officer to a group of another directorate (a national Telegram channel).</summary>
    public static async Task<int> AssignOfficerToOtherDirectorateAsync(PortalFactory portal) => await portal.WithDbAsync(async db =>
    {
        var officer = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.CommunicationOfficer.Email);
        var daz = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
        var dks = await db.Directorates.Where(d => d.Code == "DKS").Select(d => d.Id).SingleAsync();
        var group = await db.Groups.Include(g => g.Officers)
            .FirstAsync(g => g.Kind == GroupKind.Channel && db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.DirectorateId == dks));
        group.AssignOfficer(officer, daz.Id, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return group.Id;
    });

    [GeneratedRegex("/Messages/Details/([0-9a-fA-F-]{36})")]
    private static partial Regex IdPattern();

    [GeneratedRegex("name=\"Input.ContentHash\" value=\"([0-9a-f]{64})\"")]
    private static partial Regex HashPattern();
}
