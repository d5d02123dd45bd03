using System.Globalization;
using System.Net;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Invitations;
using ElectionComms.Web.Tests.Features.Messages;
using ElectionComms.Web.Tests.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Security;

/// <summary>
/// One real thing of each kind a page's address names (a zone, a staff member, an account, a group, a person, an
/// invitation, a message, a reconciliation run, a logo version), created through the pages on top of the seed, so
/// the tests that walk every handler reach the handler's work and not only a 404. A page whose route value is not
/// named here gets <see cref="PortalEndpoints.SampleValue"/>.
/// </summary>
public sealed class SampleResources
{
    private readonly Dictionary<string, Dictionary<string, string>> byPage;

    private readonly Dictionary<string, Dictionary<string, string>> formsByPage;

    private SampleResources(Dictionary<string, Dictionary<string, string>> byPage, Dictionary<string, Dictionary<string, string>> formsByPage)
    {
        this.byPage = byPage;
        this.formsByPage = formsByPage;
    }

    public static async Task<SampleResources> CreateAsync(PortalFactory portal)
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        var messageId = await MessageScenario.SubmittedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var (invitationId, code) = await InvitationScenario.CreateAsync(clerk, scenario.GroupId);
        var upload = await ReconciliationScenario.UploadAsync(clerk, scenario.UploadUrl, "anetaret.csv", ReconciliationScenario.MemberListCsv());
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        var (zone, staff, officer, account, logo, run) = await portal.WithDbAsync(async db => (
            await db.Kzazs.Where(k => k.ElectionId == portal.ElectionId).OrderBy(k => k.Number).Select(k => k.Id).FirstAsync(),
            await db.Staff.Where(s => s.Email == DemoAccounts.Clerk.Email).Select(s => s.Id).SingleAsync(),
            await db.Staff.Where(s => s.Email == DemoAccounts.CommunicationOfficer.Email).Select(s => s.Id).SingleAsync(),
            await db.Groups.Where(g => g.Id == scenario.GroupId).Select(g => g.AccountId).SingleAsync(),
            await db.LogoVersions.MaxAsync(v => v.Version),
            await db.ReconciliationRuns.Select(r => r.Id).SingleAsync()));
        var entry = await portal.WithDbAsync(db => db.ReconciliationEntries.Where(e => e.RunId == run).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());

        static Dictionary<string, string> Id(object value, string name = "id") =>
            new() { [name] = Convert.ToString(value, CultureInfo.InvariantCulture)! };

        return new SampleResources(new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            ["/Administration/Kzaz"] = Id(zone),
            ["/Admin/Staff/Edit"] = Id(staff),
            ["/Channels/Accounts/Details"] = Id(account),
            ["/Channels/Groups/Details"] = Id(scenario.GroupId),
            ["/Channels/Groups/Edit"] = Id(scenario.GroupId),
            ["/Channels/Groups/Members"] = Id(scenario.GroupId),
            ["/Channels/Groups/Officers"] = Id(scenario.GroupId),
            ["/Channels/Logos/Image"] = Id(logo, "version"),
            ["/Error/Index"] = Id(404, "code"),
            ["/Invitations/Group"] = Id(scenario.GroupId),
            ["/Invitations/Public/Index"] = Id(code, "code"),
            ["/Invitations/Show"] = Id(invitationId),
            ["/Invitations/Usage"] = Id(scenario.GroupId),
            ["/Messages/Details"] = Id(messageId),
            ["/Messages/Edit"] = Id(messageId),
            ["/PlatformEvents/CheckAdministrators"] = Id(scenario.GroupId, "groupId"),
            ["/MemberApp/Member/Message"] = Id(1),
            ["/MemberApp/Devices/Revoke"] = new(Id(scenario.EligibleId, "personId")) { ["deviceId"] = "1" },
            ["/Registry/Person"] = Id(scenario.EligibleId),
            ["/Registry/Reconciliation/Index"] = Id(scenario.GroupId, "groupId"),
            ["/Registry/Reconciliation/Run"] = Id(run),
        },
        new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            // Handlers that name what they act on in the form rather than in the address.
            ["/Channels/Groups/Members"] = Id(scenario.EligibleId, "personId"),
            ["/Channels/Groups/Officers"] = Id(officer, "officerId"),
            ["/Channels/Logos/Outdated"] = new(Id(scenario.GroupId)) { ["Selected"] = Id(scenario.GroupId)["id"] },
            ["/Invitations/Group"] = Id(invitationId, "invitationId"),
            ["/Invitations/Show"] = Id(code, "code"),
            ["/Registry/Reconciliation/Run"] = Id(entry, "entryId"),
        });
    }

    /// <summary>A form field's value that names a sample resource, or null when any value of its type will do.</summary>
    public string? FormValue(string page, string field) =>
        formsByPage.TryGetValue(page, out var values) ? values.GetValueOrDefault(field) : null;

    /// <summary>The route values for a page's address (empty for a page whose address has none).</summary>
    public IReadOnlyDictionary<string, string> RouteValues(string page) =>
        byPage.TryGetValue(page, out var values) ? values : new Dictionary<string, string>();

    /// <summary>The handler's address with this page's sample route values.</summary>
    public string Url(PageHandler handler, IEnumerable<KeyValuePair<string, string>>? query = null) =>
        handler.Url(RouteValues(handler.Page), query);
}
