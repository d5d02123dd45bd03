using System.Net;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Messages;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Security;

/// <summary>
/// Issue 11, item 5: every POST handler of every page (discovered, not listed by hand) × every demo account. The table
/// says who gets past the role gates (folder policy, the read-only role filter, the handler's own role and resource
/// checks on the sample resources); everyone else must be refused, and a handler with no row fails the test the day
/// it appears. The Auditor reads and changes nothing (§12): only account self-service, the language switch and the
/// error page accept the Auditor's POST.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PostHandlerAccessTests(PortalFactory portal) : IAsyncLifetime
{
    // Short names for the demo accounts, so each row of the table reads as a sentence.
    private const string Sg = "SG";
    private const string Daz = "DAZ";
    private const string Dld = "DLD";
    private const string Officer = "Officer";
    private const string Clerk = "Clerk";
    private const string Helpline = "Helpline";
    private const string Admin = "Admin";
    private const string Auditor = "Auditor";

    private static readonly IReadOnlyDictionary<string, DemoAccount> Accounts = new Dictionary<string, DemoAccount>
    {
        [Sg] = DemoAccounts.SecretaryGeneral,
        [Daz] = DemoAccounts.AdministrationDirector,
        [Dld] = DemoAccounts.LogisticsDirector,
        [Officer] = DemoAccounts.CommunicationOfficer,
        [Clerk] = DemoAccounts.Clerk,
        [Helpline] = DemoAccounts.HelplineOperator,
        [Admin] = DemoAccounts.SystemAdministrator,
        [Auditor] = DemoAccounts.Auditor,
    };

    private const string CommentForm = "data-testid=\"comment-form\"";

    private static readonly string[] Everyone = [.. Accounts.Keys];

    /// <summary>
    /// Handler → the accounts whose POST (a plausible form, the sample resources of <see cref="SampleResources"/>)
    /// reaches the handler's own work. Every other account is refused: 403, or the access-denied page.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string[]> Reaches = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // Account self-service, the language switch and the error page: everyone, the Auditor included.
        ["POST /Account/ChangePassword"] = Everyone,
        ["POST /Account/Login"] = Everyone,
        ["POST /Account/LoginWith2fa"] = Everyone,
        ["POST /Account/LoginWithRecoveryCode"] = Everyone,
        ["POST /Account/Logout"] = Everyone,
        ["POST /Account/RecoveryCodes"] = Everyone,
        ["POST /Account/SetupAuthenticator"] = Everyone,
        ["POST /Account/StepUp"] = Everyone,
        ["POST /Error/Index"] = Everyone,
        ["POST /Language"] = Everyone,

        // Staff accounts: the system administrator only.
        ["POST /Admin/Staff/Create"] = [Admin],
        ["POST /Admin/Staff/Edit"] = [Admin],
        ["POST /Admin/Staff/Edit?handler=Deactivate"] = [Admin],
        ["POST /Admin/Staff/Edit?handler=Reactivate"] = [Admin],
        ["POST /Admin/Staff/Edit?handler=ResetPassword"] = [Admin],
        ["POST /Admin/Staff/Edit?handler=ResetTwoFactor"] = [Admin],

        // Official accounts (§4, §5a): directors request, the Secretary General decides.
        ["POST /Channels/Accounts/Details?handler=Approve"] = [Sg],
        ["POST /Channels/Accounts/Details?handler=Close"] = [Sg],
        ["POST /Channels/Accounts/Details?handler=Refuse"] = [Sg],
        ["POST /Channels/Accounts/Details?handler=Resume"] = [Sg],
        ["POST /Channels/Accounts/Details?handler=Suspend"] = [Sg],
        ["POST /Channels/Accounts/Request"] = [Daz, Dld],

        // Transmit grants (§8): the Director of Logistics and Digitalisation.
        ["POST /Channels/Grants/Index?handler=Grant"] = [Dld],
        ["POST /Channels/Grants/Index?handler=Revoke"] = [Dld],

        // Groups (§6, §7): directors create; the sample group's administrator (DAZ) manages it; its clerk manages members.
        ["POST /Channels/Groups/Create"] = [Daz, Dld],
        ["POST /Channels/Groups/Edit"] = [Daz],
        ["POST /Channels/Groups/Edit?handler=Deactivate"] = [Daz],
        ["POST /Channels/Groups/Edit?handler=BotJoinLink"] = [Daz],
        ["POST /Channels/Groups/Edit?handler=Reactivate"] = [Daz],
        ["POST /Channels/Groups/Members?handler=Add"] = [Daz, Clerk],
        ["POST /Channels/Groups/Members?handler=Reinstate"] = [Daz, Clerk],
        ["POST /Channels/Groups/Members?handler=Remove"] = [Daz, Clerk],
        ["POST /Channels/Groups/Officers?handler=Add"] = [Daz],
        ["POST /Channels/Groups/Officers?handler=Remove"] = [Daz],

        // Logo register (§6): the Secretary General and directors upload; who answers for the group marks it.
        ["POST /Channels/Logos/Index"] = [Sg, Daz, Dld],
        ["POST /Channels/Logos/Outdated?handler=Mark"] = [Daz, Clerk],
        ["POST /Channels/Logos/Outdated?handler=MarkSelected"] = [Daz, Clerk],

        // Invitations (§5b): the clerk; the public page is for members, anyone but a read-only role.
        ["POST /Invitations/Bulk?handler=Count"] = [Clerk],
        ["POST /Invitations/Bulk?handler=Sheet"] = [Clerk],
        ["POST /Invitations/Bulk?handler=Zip"] = [Clerk],
        ["POST /Invitations/Group?handler=Create"] = [Clerk],
        ["POST /Invitations/Group?handler=Reissue"] = [Clerk],
        ["POST /Invitations/Group?handler=Revoke"] = [Clerk],
        ["POST /Invitations/Public/Index"] = [Sg, Daz, Dld, Officer, Clerk, Helpline, Admin],
        ["POST /Invitations/Show?handler=Png"] = [Clerk],
        ["POST /Invitations/Show?handler=PrintPng"] = [Clerk],
        ["POST /Invitations/Show?handler=Svg"] = [Clerk],

        // Messages (§7): the roles that write or decide. DLD and the help line do not see the sample message (404);
        // which of them may approve, comment or withdraw is the domain's rule, tested in Features/Messages.
        ["POST /Messages/Details?handler=Cancel"] = [Sg, Daz, Dld, Officer, Helpline],
        ["POST /Messages/Details?handler=ConfirmDelivered"] = [Sg, Daz, Dld, Officer, Helpline],
        ["POST /Messages/Details?handler=Recall"] = [Sg, Daz, Dld, Officer, Helpline],
        ["POST /Messages/Details?handler=Approve"] = [Sg, Daz, Dld, Officer, Helpline],
        ["POST /Messages/Details?handler=Comment"] = [Sg, Daz, Dld, Officer, Helpline],
        ["POST /Messages/Details?handler=Reject"] = [Sg, Daz, Dld, Officer, Helpline],
        ["POST /Messages/Details?handler=RequestChanges"] = [Sg, Daz, Dld, Officer, Helpline],
        ["POST /Messages/Details?handler=Resend"] = [Sg, Daz, Dld, Officer, Helpline],
        ["POST /Messages/Details?handler=Submit"] = [Sg, Daz, Dld, Officer, Helpline],
        ["POST /Messages/Details?handler=Withdraw"] = [Sg, Daz, Dld, Officer, Helpline],
        ["POST /Messages/Edit"] = [Sg, Daz, Dld, Officer, Helpline],

        // Posting by hand (§4 c): the roles that relay messages; whose group it is, is ManualPosting's rule (ManualPostingTests).
        ["POST /Publishing/Manual?handler=Deleted"] = [Sg, Daz, Dld, Officer, Helpline],
        ["POST /Publishing/Manual?handler=Posted"] = [Sg, Daz, Dld, Officer, Helpline],

        // Platform events (issue 14 item 5): the group's administrator asks for the §7 check; staff link their own Telegram.
        ["POST /PlatformEvents/CheckAdministrators"] = [Daz],
        ["POST /PlatformEvents/TelegramLink?handler=Start"] = [Sg, Daz, Dld, Officer, Clerk, Helpline, Admin],
        ["POST /PlatformEvents/TelegramLink?handler=Unlink"] = [Sg, Daz, Dld, Officer, Clerk, Helpline, Admin],

        // The KQZ app (issue 20): its member pages are anonymous (a device key, not a staff account, admits a member;
        // a staff browser has none, so each answers "no access"); only the clerk revokes a member's device.
        ["POST /MemberApp/Member/Bind"] = [Sg, Daz, Dld, Officer, Clerk, Helpline, Admin],
        ["POST /MemberApp/Member/Index?handler=Subscribe"] = [Sg, Daz, Dld, Officer, Clerk, Helpline, Admin],
        ["POST /MemberApp/Member/Message?handler=Confirm"] = [Sg, Daz, Dld, Officer, Clerk, Helpline, Admin],
        ["POST /MemberApp/Devices/Revoke"] = [Clerk],

        // Registry (§5c, §10, §11): the clerk imports and ends; directors and the Secretary General may reveal a number;
        // the sample group's clerk and administrator reconcile it.
        ["POST /Registry/Import"] = [Clerk],
        ["POST /Registry/Import?handler=Apply"] = [Clerk],
        ["POST /Registry/Import?handler=Discard"] = [Clerk],
        ["POST /Registry/Person?handler=End"] = [Clerk],
        ["POST /Registry/Person?handler=Reinstate"] = [Clerk],
        ["POST /Registry/Person?handler=Reveal"] = [Sg, Daz, Dld, Clerk],
        ["POST /Registry/Reconciliation/Index"] = [Daz, Clerk],
        ["POST /Registry/Reconciliation/Index?handler=Live"] = [Daz, Clerk],
        ["POST /Registry/Reconciliation/Run?handler=MarkRemoved"] = [Daz, Clerk],
    };

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> AccountNames() => new(Accounts.Keys);

    [Fact]
    public async Task Every_POST_handler_has_a_row_and_every_row_a_handler()
    {
        var handlers = (await PostHandlersAsync()).Select(h => h.Key).ToList();
        Assert.Contains("POST /Messages/Details?handler=Comment", handlers);

        var missing = handlers.Except(Reaches.Keys).ToList();
        var stale = Reaches.Keys.Except(handlers).ToList();
        Assert.True(missing.Count == 0, "POST handlers without a row in the table (say who may reach them):\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "Rows for handlers that no longer exist:\n" + string.Join('\n', stale));
    }

    [Theory]
    [MemberData(nameof(AccountNames))]
    public async Task Each_account_reaches_exactly_the_POST_handlers_the_table_names(string name)
    {
        var (samples, client, token) = await SignedInAsync(Accounts[name]);
        using var _ = client;
        var failures = new List<string>();

        foreach (var handler in await PostHandlersAsync())
        {
            var response = await PostAsync(client, samples, handler, token);
            var refused = Responses.IsRefused(response);
            var expected = Reaches.TryGetValue(handler.Key, out var names) ? names.Contains(name) : (bool?)null;
            if ((int)response.StatusCode >= 500 || Responses.IsSignInChallenge(response))
            {
                failures.Add($"{handler.Key}: answered {(int)response.StatusCode} {response.Headers.Location}");
            }
            else if (expected is null || expected == refused)
            {
                failures.Add($"{handler.Key}: {(refused ? "refused" : "reached")} ({(int)response.StatusCode} {response.Headers.Location}), the table says {(expected is null ? "nothing" : expected.Value ? "reached" : "refused")}");
            }
        }

        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Auditor_posting_anywhere_but_account_language_and_error_is_refused_and_changes_nothing()
    {
        var (samples, client, token) = await SignedInAsync(DemoAccounts.Auditor);
        using var _ = client;
        var before = await DatabaseFingerprint.TakeAsync(portal.ConnectionString);
        var failures = new List<string>();

        foreach (var handler in (await PostHandlersAsync()).Where(h => !IsSelfService(h.Page)))
        {
            var response = await PostAsync(client, samples, handler, token);
            if (!Responses.IsRefused(response))
            {
                failures.Add($"{handler.Key}: answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        var changed = DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(portal.ConnectionString));
        Assert.True(failures.Count == 0, "The Auditor was not refused:\n" + string.Join('\n', failures));
        Assert.True(changed.Count == 0, "The Auditor's POSTs changed tables: " + string.Join(", ", changed));
    }

    [Fact]
    public async Task Auditor_comment_on_a_message_is_refused_and_not_saved()
    {
        var samples = await SampleResources.CreateAsync(portal);
        var details = "/Messages/Details/" + samples.RouteValues("/Messages/Details")["id"];
        using var auditor = portal.CreatePortalClient();
        await auditor.SignInAsync(DemoAccounts.Auditor);

        var response = await auditor.PostFormAsync(details, [new("Input.Comment", "Auditori shkroi këtu.")], details + "?handler=Comment");

        Responses.AssertRefused(response, "Auditor comments");
        Assert.Equal(0, await portal.WithDbAsync(db => db.MessageComments.CountAsync()));

        // The page offers the Auditor no form it would refuse; the author, who may comment, has it.
        Assert.DoesNotContain(CommentForm, await auditor.GetHtmlAsync(details), StringComparison.Ordinal);
        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        Assert.Contains(CommentForm, await officer.GetHtmlAsync(details), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRole.SecretaryGeneral, true)]
    [InlineData(StaffRole.Director, true)]
    [InlineData(StaffRole.CommunicationOfficer, false)]
    [InlineData(StaffRole.HelplineOperator, false)]
    [InlineData(StaffRole.Auditor, false)]
    public void Comments_are_written_by_the_author_and_the_deciders_not_by_the_auditor(string role, bool mayCommentOnOthers)
    {
        var user = new CurrentStaff(Guid.NewGuid(), role, 1, "SP");

        Assert.Equal(mayCommentOnOthers, MessageAccess.MayComment(user, authorId: Guid.NewGuid()));
    }

    /// <summary>Account self-service, the language switch and the error page: the only POSTs an auditor may make.</summary>
    private static bool IsSelfService(string page) =>
        page.StartsWith("/Account/", StringComparison.Ordinal) || page is "/Language" || page.StartsWith("/Error/", StringComparison.Ordinal);

    /// <summary>The sample resources, a signed-in client and its antiforgery token (valid for every form of that session).</summary>
    private async Task<(SampleResources Samples, PortalClient Client, string Token)> SignedInAsync(DemoAccount account)
    {
        var samples = await SampleResources.CreateAsync(portal);
        var client = portal.CreatePortalClient();
        await client.SignInAsync(account);
        return (samples, client, PortalClient.AntiforgeryToken(await client.GetHtmlAsync("/Account/ChangePassword")));
    }

    /// <summary>The POST handlers, sign-out last so it does not end the session the others need.</summary>
    private async Task<List<PageHandler>> PostHandlersAsync() =>
        (await PortalEndpoints.PageHandlersAsync(portal.Services))
            .Where(h => h.Method == HttpMethods.Post)
            .OrderBy(h => h.Page == "/Account/Logout")
            .ThenBy(h => h.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>A form as a user would send it: every bound field with a value of its type, and the antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, SampleResources samples, PageHandler handler, string token)
    {
        var fields = handler.Fields
            .Select(f => new KeyValuePair<string, string>(f.Name, samples.FormValue(handler.Page, f.Name) ?? PortalEndpoints.PlausibleValue(f.Type)))
            .Append(new("__RequestVerificationToken", token));
        return await client.Http.PostAsync(samples.Url(handler), new FormUrlEncodedContent(fields));
    }
}
