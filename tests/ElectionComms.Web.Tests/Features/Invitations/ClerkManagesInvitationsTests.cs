using System.Net;
using System.Security.Cryptography;
using System.Text;
using ElectionComms.Domain.Invitations;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Invitations;

/// <summary>§5b: a clerk creates, lists, revokes and re-issues invitations; every bad input is refused clearly.</summary>
[Collection(PortalCollection.Name)]
public sealed class ClerkManagesInvitationsTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Clerk_creates_a_group_wide_invitation_and_only_its_hash_is_stored()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);

        var (id, code) = await InvitationScenario.CreateAsync(clerk, scenario.GroupId, maxUses: 7);

        var invitation = await InvitationScenario.LoadAsync(portal, id);
        Assert.Equal(InvitationKind.GroupWide, invitation.Kind);
        Assert.Equal(7, invitation.MaxUses);
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(code)), invitation.CodeHash);
        Assert.Equal(16, Convert.FromBase64String(code.Replace('-', '+').Replace('_', '/') + "==").Length);

        // The plain code is nowhere in the database: not in the invitation row, not in the audit trail.
        var stored = await portal.WithDbAsync(async db =>
        {
            var rows = await db.Database.SqlQueryRaw<string>("select i::text as \"Value\" from invitations i").ToListAsync();
            var audit = await db.AuditEntries.Select(a => a.Details + a.EntityId).ToListAsync();
            return string.Join('\n', rows.Concat(audit));
        });
        Assert.DoesNotContain(code, stored, StringComparison.Ordinal);
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(Invitation) && a.EntityId == id.ToString())));

        var list = await clerk.GetHtmlAsync(InvitationScenario.GroupUrl(scenario.GroupId));
        Assert.Contains("Aktive", list, StringComparison.Ordinal);
        Assert.Contains("0 / 7", list, StringComparison.Ordinal);
        Assert.DoesNotContain(code, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_is_shown_once_and_not_again_on_reload()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var (id, code) = await InvitationScenario.CreateAsync(clerk, scenario.GroupId);

        var again = await clerk.GetHtmlAsync($"/Invitations/Show/{id}");

        Assert.DoesNotContain(code, again, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"code-gone\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_invitation_for_an_eligible_person_is_created()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);

        var (id, _) = await InvitationScenario.CreateAsync(clerk, scenario.GroupId, maxUses: 1, personId: scenario.EligibleId);

        var invitation = await InvitationScenario.LoadAsync(portal, id);
        Assert.Equal(InvitationKind.Personal, invitation.Kind);
        Assert.Equal(scenario.EligibleId, invitation.PersonId);
    }

    [Theory]
    [InlineData("2020-01-01", "5", "Data e skadimit duhet të jetë në të ardhmen.")]
    [InlineData(null, "0", "Numri maksimal i përdorimeve duhet të jetë të paktën 1.")]
    [InlineData(null, "-3", "Numri maksimal i përdorimeve duhet të jetë të paktën 1.")]
    public async Task Bad_expiry_or_max_uses_is_refused_and_nothing_is_saved(string? expires, string maxUses, string message)
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);

        var response = await clerk.PostFormAsync(InvitationScenario.GroupUrl(scenario.GroupId),
            [new("Input.ExpiresOn", expires ?? InvitationScenario.Tomorrow), new("Input.MaxUses", maxUses)],
            InvitationScenario.GroupUrl(scenario.GroupId) + "?handler=Create");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await InvitationScenario.CountAsync(portal));
    }

    [Fact]
    public async Task Personal_invitation_for_someone_not_eligible_in_the_group_is_refused()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);

        foreach (var personId in new[] { scenario.OtherZoneId, scenario.EndedId, scenario.OtherCentreId })
        {
            var response = await clerk.PostFormAsync(InvitationScenario.GroupUrl(scenario.GroupId),
                [new("Input.ExpiresOn", InvitationScenario.Tomorrow), new("Input.MaxUses", "1"), new("Input.Personal", "true"), new("Input.PersonId", personId.ToString())],
                InvitationScenario.GroupUrl(scenario.GroupId) + "?handler=Create");

            Assert.Contains("nuk ka të drejtë të jetë në këtë grup", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await InvitationScenario.CountAsync(portal));
    }

    [Fact]
    public async Task Personal_invitation_for_a_removed_member_is_refused()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        await portal.WithDbAsync(async db =>
        {
            var clerkId = await db.Staff.Where(s => s.Email == DemoAccounts.Clerk.Email).Select(s => s.Id).SingleAsync();
            var membership = Domain.Registry.GroupMembership.Add(scenario.GroupId, scenario.EligibleId, true, clerkId, DateTimeOffset.UtcNow);
            membership.Remove("Nuk është më anëtar", clerkId, DateTimeOffset.UtcNow);
            db.GroupMemberships.Add(membership);
            return await db.SaveChangesAsync();
        });
        using var clerk = await InvitationScenario.ClerkAsync(portal);

        var response = await clerk.PostFormAsync(InvitationScenario.GroupUrl(scenario.GroupId),
            [new("Input.ExpiresOn", InvitationScenario.Tomorrow), new("Input.MaxUses", "1"), new("Input.Personal", "true"), new("Input.PersonId", scenario.EligibleId.ToString())],
            InvitationScenario.GroupUrl(scenario.GroupId) + "?handler=Create");

        Assert.Contains("ose është hequr prej tij", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await InvitationScenario.CountAsync(portal));
    }

    [Fact]
    public async Task Group_without_a_platform_link_gets_no_invitation()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        await portal.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Id == scenario.GroupId);
            group.SetJoinLink(null, false, null);
            return await db.SaveChangesAsync();
        });
        using var clerk = await InvitationScenario.ClerkAsync(portal);

        var page = await clerk.GetHtmlAsync(InvitationScenario.GroupUrl(scenario.GroupId));
        var response = await clerk.PostFormAsync(InvitationScenario.GroupUrl(scenario.GroupId),
            [new("Input.ExpiresOn", InvitationScenario.Tomorrow), new("Input.MaxUses", "5")],
            InvitationScenario.GroupUrl(scenario.GroupId) + "?handler=Create");

        Assert.Contains("data-testid=\"no-join-link\"", page, StringComparison.Ordinal);
        Assert.Contains("Grupi nuk ka lidhje anëtarësimi në platformë.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await InvitationScenario.CountAsync(portal));
    }

    [Fact]
    public async Task Clerk_revokes_an_invitation_and_a_second_revoke_is_refused()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var (id, _) = await InvitationScenario.CreateAsync(clerk, scenario.GroupId);
        var url = InvitationScenario.GroupUrl(scenario.GroupId);

        var first = await clerk.PostFormAsync(url, [new("invitationId", id.ToString())], url + "?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var revokedAt = (await InvitationScenario.LoadAsync(portal, id)).RevokedAt;
        Assert.NotNull(revokedAt);

        var second = await clerk.PostFormAsync(url, [new("invitationId", id.ToString())], url + "?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("Ftesa është revokuar tashmë.", await clerk.GetHtmlAsync(url), StringComparison.Ordinal);
        Assert.Equal(revokedAt, (await InvitationScenario.LoadAsync(portal, id)).RevokedAt);
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(Invitation) && a.Action == "Invitation.Updated" && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task Reissue_gives_a_new_code_and_revokes_the_old_one()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var (id, code) = await InvitationScenario.CreateAsync(clerk, scenario.GroupId, maxUses: 9);
        var url = InvitationScenario.GroupUrl(scenario.GroupId);

        var response = await clerk.PostFormAsync(url, [new("invitationId", id.ToString()), new("expiresOn", InvitationScenario.Tomorrow)], url + "?handler=Reissue");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await clerk.GetHtmlAsync(response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(code, html, StringComparison.Ordinal);
        Assert.NotNull((await InvitationScenario.LoadAsync(portal, id)).RevokedAt);
        var next = await portal.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.ReissuedFromId == id));
        Assert.Equal(9, next.MaxUses);
        Assert.Null(next.RevokedAt);
    }

    [Fact]
    public async Task Reissue_with_a_past_expiry_is_refused_and_the_old_invitation_stays_active()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var (id, _) = await InvitationScenario.CreateAsync(clerk, scenario.GroupId);
        var url = InvitationScenario.GroupUrl(scenario.GroupId);

        await clerk.PostFormAsync(url, [new("invitationId", id.ToString()), new("expiresOn", "2020-01-01")], url + "?handler=Reissue");

        Assert.Contains("Data e skadimit duhet të jetë në të ardhmen.", await clerk.GetHtmlAsync(url), StringComparison.Ordinal);
        Assert.Null((await InvitationScenario.LoadAsync(portal, id)).RevokedAt);
        Assert.Equal(1, await InvitationScenario.CountAsync(portal));
    }

    [Fact]
    public async Task Director_views_invitations_but_may_not_create_them()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using (var clerk = await InvitationScenario.ClerkAsync(portal))
        {
            await InvitationScenario.CreateAsync(clerk, scenario.GroupId);
        }

        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var html = await director.GetHtmlAsync(InvitationScenario.GroupUrl(scenario.GroupId));
        Assert.DoesNotContain("handler=Create", html, StringComparison.Ordinal);

        var token = PortalClient.AntiforgeryToken(html.Contains("__RequestVerificationToken", StringComparison.Ordinal) ? html : await director.GetHtmlAsync("/Account/ChangePassword"));
        var response = await director.Http.PostAsync(InvitationScenario.GroupUrl(scenario.GroupId) + "?handler=Create", new FormUrlEncodedContent(
            [new("Input.ExpiresOn", InvitationScenario.Tomorrow), new("Input.MaxUses", "5"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await InvitationScenario.CountAsync(portal));
    }

    [Fact]
    public async Task Operator_may_not_open_the_invitation_pages()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.HelplineOperator);

        var response = await client.GetAsync(InvitationScenario.GroupUrl(scenario.GroupId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
