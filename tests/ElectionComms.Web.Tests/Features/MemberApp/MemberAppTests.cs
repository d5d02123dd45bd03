using System.Net;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Publishing;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Invitations;
using ElectionComms.Web.Tests.Features.Publishing;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.MemberApp;

/// <summary>
/// Issue 20 (§4 b, §5c, §11): a member binds a browser to their registry entry through a personal invitation, the
/// approved message to the app's group arrives in the inbox of every eligible member through the same outbox, is
/// confirmed once, recalled with a note, and nobody sees anybody else's messages.
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class MemberAppTests(PublishingPortal portal) : IAsyncLifetime
{
    private const string Phone = "+355691110001";

    public async Task InitializeAsync()
    {
        portal.Telegram.Reset();
        await portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_personal_invitation_binds_the_browser_and_the_approved_message_arrives_and_is_confirmed_once()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var person = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        using var member = await AppMemberScenario.BoundAsync(portal, await AppMemberScenario.InvitationAsync(portal, groupId, person.Id), Phone);
        Assert.Contains("Nuk keni ende mesazhe", await member.GetHtmlAsync(AppMemberScenario.Inbox), StringComparison.Ordinal);
        var device = await portal.WithDbAsync(db => db.AppDevices.AsNoTracking().SingleAsync());
        Assert.Equal(person.Id, device.PersonId);

        var id = await portal.ApprovedWithButtonAsync(groupId, "Ju lutemi konfirmoni orarin e hapjes së KQV-së: ora 07:00.");
        await portal.DispatchAsync();

        var delivery = Assert.Single(await portal.DeliveriesAsync(id));
        Assert.Equal((DeliveryStatus.Sent, DeliveryMethod.Api, Platform.KqzApp), (delivery.Status, delivery.Method, delivery.Platform));
        var item = Assert.Single(await AppMemberScenario.ItemsAsync(member));
        var page = await member.GetHtmlAsync($"/app/m/{item}");
        Assert.Contains("ora 07:00", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"confirm\"", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync($"/app/m/{item}", [], $"/app/m/{item}?handler=Confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync($"/app/m/{item}", [], $"/app/m/{item}?handler=Confirm")).StatusCode);

        var acknowledgement = await portal.WithDbAsync(db => db.Acknowledgements.AsNoTracking().SingleAsync(a => a.MessageId == id));
        Assert.Equal((person.Id, groupId, delivery.Id, $"app:{device.Id}"), (acknowledgement.PersonId, acknowledgement.GroupId, acknowledgement.DeliveryId, acknowledgement.PlatformUserId));
        Assert.Contains("E keni konfirmuar", await member.GetHtmlAsync($"/app/m/{item}"), StringComparison.Ordinal);

        // The director's confirmation report counts it like Telegram's button.
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        Assert.Contains("1 nga 1 konfirmuan", await director.GetHtmlAsync($"/Messages/Acknowledgements/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_eligible_member_of_the_group_gets_it_once_and_a_resent_delivery_adds_nothing()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var first = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        var second = await AppMemberScenario.KqvMemberAsync(portal, "Ilir Gjoka", "+355691110002");
        var otherZone = await AppMemberScenario.KqvMemberAsync(portal, "Sokol Dema", "+355691110003", kzaz: 2);

        var id = await portal.ApprovedToAsync("Udhëzimi për numërimin është në faqen e KQZ-së.", [groupId]);
        await portal.DispatchAsync();
        var delivery = Assert.Single(await portal.DeliveriesAsync(id));

        var recipients = await portal.WithDbAsync(db => db.AppInbox.Where(i => i.DeliveryId == delivery.Id).Select(i => i.PersonId).OrderBy(p => p).ToListAsync());
        Assert.Equal(new[] { first.Id, second.Id }.Order(), recipients);
        Assert.DoesNotContain(otherZone.Id, recipients);

        // The message's page counts the inboxes it reached and how many were read.
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        Assert.Contains("Në kutinë e 2 anëtarëve në aplikacion, lexuar nga 0", await director.GetHtmlAsync($"/Messages/Details/{id}"), StringComparison.Ordinal);

        // The connector's outcome was lost and the delivery is sent again: nobody gets a second copy.
        await portal.WithServicesAsync(async services =>
        {
            var connector = services.GetServices<ElectionComms.Web.Features.Publishing.IPlatformConnector>().Single(c => c.Platform == Platform.KqzApp);
            var again = await connector.SendAsync(new ElectionComms.Web.Features.Publishing.Outgoing(delivery.Id, Platform.KqzApp, "al.kqz.administrata", "app:1", "x"), CancellationToken.None);
            Assert.IsType<ElectionComms.Web.Features.Publishing.SendResult.Sent>(again);
        });
        Assert.Equal(2, await portal.WithDbAsync(db => db.AppInbox.CountAsync(i => i.DeliveryId == delivery.Id)));
    }

    [Fact]
    public async Task A_member_of_two_app_groups_receives_the_messages_of_both_and_one_message_to_both_once_per_group()
    {
        var zoneGroup = await AppMemberScenario.KqvGroupAsync(portal);
        var nationalGroup = await portal.WithDbAsync(async db =>
        {
            var account = await db.OfficialAccounts.SingleAsync(a => a.Platform == Platform.KqzApp);
            var daz = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
            var group = Group.Create(account, portal.ElectionId, GroupKind.Channel, "Aplikacioni – KQV kombëtare", Domain.Administration.AdministrationLevel.Kqv,
                GroupScope.National, "app:kqv-national", daz, isTestGroup: false, DateTimeOffset.UtcNow);
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            return group.Id;
        });
        var person = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        using var member = await AppMemberScenario.BoundAsync(portal, await AppMemberScenario.InvitationAsync(portal, zoneGroup, person.Id), Phone);

        await portal.ApprovedToAsync("Vetëm për KQV-të e KZAZ 1.", [zoneGroup]);
        await portal.ApprovedToAsync("Për të gjitha KQV-të e vendit.", [nationalGroup]);
        await portal.ApprovedToAsync("Për të dy grupet.", [zoneGroup, nationalGroup]);
        await portal.DispatchAsync();

        var html = await member.GetHtmlAsync(AppMemberScenario.Inbox);
        Assert.Equal(4, (await AppMemberScenario.ItemsAsync(member)).Count);
        Assert.Contains("Vetëm për KQV-të e KZAZ 1.", html, StringComparison.Ordinal);
        Assert.Contains("Për të gjitha KQV-të e vendit.", html, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "Për të dy grupet\\.").Count);
    }

    [Fact]
    public async Task A_member_sees_only_their_own_inbox_and_another_members_item_is_not_found()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var mine = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        var theirs = await AppMemberScenario.KqvMemberAsync(portal, "Sokol Dema", "+355691110003", kzaz: 2);
        using var member = await AppMemberScenario.BoundAsync(portal, await AppMemberScenario.InvitationAsync(portal, groupId, mine.Id), Phone);
        var otherGroup = await AppMemberScenario.KqvGroupAsync(portal, kzaz: 2);
        await portal.ApprovedToAsync("Vetëm për KZAZ 2.", [otherGroup]);
        await portal.DispatchAsync();
        var foreign = await portal.WithDbAsync(db => db.AppInbox.Where(i => i.PersonId == theirs.Id).Select(i => i.Id).SingleAsync());

        Assert.Empty(await AppMemberScenario.ItemsAsync(member));
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync($"/app/m/{foreign}")).StatusCode);
        var confirm = await member.PostFormAsync(AppMemberScenario.Inbox, [], $"/app/m/{foreign}?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.Acknowledgements.AnyAsync()));
        Assert.Null(await portal.WithDbAsync(db => db.AppInbox.Where(i => i.Id == foreign).Select(i => i.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task A_recalled_message_shows_a_note_instead_of_its_text()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var person = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        using var member = await AppMemberScenario.BoundAsync(portal, await AppMemberScenario.InvitationAsync(portal, groupId, person.Id), Phone);
        var id = await portal.ApprovedToAsync("Mbledhja shtyhet për të hënën.", [groupId]);
        await portal.DispatchAsync();
        var item = Assert.Single(await AppMemberScenario.ItemsAsync(member));

        using var director = await portal.RecalledByDirectorAsync(id);
        await portal.DispatchAsync();

        Assert.Equal(DeliveryStatus.Recalled, Assert.Single(await portal.DeliveriesAsync(id)).Status);
        var page = await member.GetHtmlAsync($"/app/m/{item}");
        Assert.Contains("data-testid=\"message-recalled\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("shtyhet", page, StringComparison.Ordinal);
        Assert.DoesNotContain("shtyhet", await member.GetHtmlAsync(AppMemberScenario.Inbox), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recalled_message_is_hidden_even_where_its_delivery_could_not_be_recalled()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var person = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        using var member = await AppMemberScenario.BoundAsync(portal, await AppMemberScenario.InvitationAsync(portal, groupId, person.Id), Phone);
        var id = await portal.ApprovedToAsync("Mbledhja shtyhet për të hënën.", [groupId]);
        await portal.DispatchAsync();
        var item = Assert.Single(await AppMemberScenario.ItemsAsync(member));

        // The delivery's outcome was lost (uncertain) and the director recalled the message: no copy was marked.
        await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, Domain.Messages.MessageStatus.Recalled)));
        Assert.False(await portal.WithDbAsync(db => db.AppInbox.AnyAsync(i => i.RecalledAt != null)));

        var page = await member.GetHtmlAsync($"/app/m/{item}");
        Assert.Contains("data-testid=\"message-recalled\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("shtyhet", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_device_works_beside_the_first_and_a_revoked_one_opens_nothing()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var person = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        var code = await AppMemberScenario.InvitationAsync(portal, groupId, person.Id, maxUses: 2);
        using var phone = await AppMemberScenario.BoundAsync(portal, code, Phone);
        using var tablet = await AppMemberScenario.BoundAsync(portal, code, Phone);
        var devices = await portal.WithDbAsync(db => db.AppDevices.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync());
        Assert.Equal(2, devices.Count);

        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var personPage = $"/Registry/Person/{person.Id}";
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(await clerk.GetHtmlAsync(personPage), "data-testid=\"member-device\"").Count);
        var revoked = await clerk.PostFormAsync(personPage, [], $"/MemberApp/Devices/Revoke/{person.Id}/{devices[0]}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        Assert.Contains("data-reason=\"Revoked\"", await phone.GetHtmlAsync(AppMemberScenario.Inbox), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"member-name\"", await tablet.GetHtmlAsync(AppMemberScenario.Inbox), StringComparison.Ordinal);
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "AppDevice.Updated" && a.EntityId == devices[0].ToString())));
        Assert.Equal(2, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "AppDevice.Created")));
    }

    [Fact]
    public async Task An_ended_mandate_ends_access_at_once_and_a_removal_from_the_group_hides_its_messages()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var person = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        using var member = await AppMemberScenario.BoundAsync(portal, await AppMemberScenario.InvitationAsync(portal, groupId, person.Id), Phone);
        await portal.ApprovedToAsync("Mesazh i parë.", [groupId]);
        await portal.DispatchAsync();
        Assert.Single(await AppMemberScenario.ItemsAsync(member));

        // The clerk records the person in the group, then removes them (§11).
        await portal.WithDbAsync(async db =>
        {
            var membership = Domain.Registry.GroupMembership.Add(groupId, person.Id, eligible: true, Guid.Empty, DateTimeOffset.UtcNow);
            db.GroupMemberships.Add(membership);
            await db.SaveChangesAsync();
            membership.Remove("Nuk është më anëtar i KQV-së.", Guid.Empty, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await AppMemberScenario.ItemsAsync(member));

        await portal.WithDbAsync(db => db.People.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.MandateTo, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1))));
        Assert.Contains("data-reason=\"Ended\"", await member.GetHtmlAsync(AppMemberScenario.Inbox), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_binds_one_device_and_a_forged_one_none()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var person = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        using var member = portal.CreatePortalClient();
        var (_, html) = await InvitationScenario.SubmitPhoneAsync(member, await AppMemberScenario.InvitationAsync(portal, groupId, person.Id), Phone);
        var ticket = AppMemberScenario.Ticket(html);

        var bound = await AppMemberScenario.PostTicketAsync(member, html, ticket);
        Assert.Equal(HttpStatusCode.Redirect, bound.StatusCode);

        // Lax, so a link in Telegram or an SMS opens the app signed in; every change is an antiforgery POST.
        var cookie = bound.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ec_app=", StringComparison.Ordinal));
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/app", cookie, StringComparison.OrdinalIgnoreCase);
        using var thief = portal.CreatePortalClient();
        var replay = await AppMemberScenario.PostTicketAsync(thief, await thief.GetHtmlAsync("/app"), ticket);
        var forged = await AppMemberScenario.PostTicketAsync(thief, await thief.GetHtmlAsync("/app"), ticket[..^4] + "AAAA");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (replay.StatusCode, forged.StatusCode));
        Assert.Equal(1, await portal.WithDbAsync(db => db.AppDevices.CountAsync()));
        Assert.Contains("data-reason=\"NotBound\"", await thief.GetHtmlAsync("/app"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_is_installable_its_manifest_icons_and_service_worker_are_served_under_its_scope()
    {
        using var browser = portal.CreatePortalClient();
        var page = await browser.GetHtmlAsync(AppMemberScenario.Inbox);
        Assert.Contains("rel=\"manifest\" href=\"/app/manifest.webmanifest\"", page, StringComparison.Ordinal);

        var manifest = await browser.Http.GetAsync("/app/manifest.webmanifest");
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await manifest.Content.ReadAsStringAsync());
        Assert.Equal(("/app", "/app", "standalone", "sq"), (json.RootElement.GetProperty("start_url").GetString(), json.RootElement.GetProperty("scope").GetString(),
            json.RootElement.GetProperty("display").GetString(), json.RootElement.GetProperty("lang").GetString()));
        foreach (var icon in json.RootElement.GetProperty("icons").EnumerateArray())
        {
            var image = await browser.Http.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal(icon.GetProperty("type").GetString(), image.Content.Headers.ContentType?.MediaType);
        }

        Assert.Contains(json.RootElement.GetProperty("icons").EnumerateArray(), i => i.GetProperty("sizes").GetString() == "512x512");
        var worker = await browser.Http.GetAsync("/app/sw.js");
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);

        // The worker lives in /app/ and controls /app itself: the browser registers it only with this header.
        Assert.Equal("/app", Assert.Single(worker.Headers.GetValues("Service-Worker-Allowed")));
        Assert.Contains("showNotification", await worker.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_binds_at_most_three_devices_at_once_and_a_revoked_one_frees_a_place()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        var person = await AppMemberScenario.KqvMemberAsync(portal, "Drita Kola", Phone);
        var code = await AppMemberScenario.InvitationAsync(portal, groupId, person.Id, maxUses: 5);
        for (var n = 0; n < ElectionComms.Web.Features.MemberApp.MemberSession.MaxDevicesPerPerson; n++)
        {
            (await AppMemberScenario.BoundAsync(portal, code, Phone)).Dispose();
        }

        using var fourth = portal.CreatePortalClient();
        var (_, html) = await InvitationScenario.SubmitPhoneAsync(fourth, code, Phone);
        Assert.Equal(HttpStatusCode.BadRequest, (await AppMemberScenario.PostTicketAsync(fourth, html, AppMemberScenario.Ticket(html))).StatusCode);
        Assert.Equal(3, await portal.WithDbAsync(db => db.AppDevices.CountAsync()));

        await portal.WithDbAsync(db => db.AppDevices.OrderBy(d => d.Id).Take(1).ExecuteUpdateAsync(u => u.SetProperty(d => d.RevokedAt, DateTimeOffset.UtcNow)));
        (await AppMemberScenario.BoundAsync(portal, code, Phone)).Dispose();
        Assert.Equal(3, await portal.WithDbAsync(db => db.AppDevices.CountAsync(d => d.RevokedAt == null)));
    }

    [Fact]
    public async Task Invitations_to_the_app_are_personal_only()
    {
        var groupId = await AppMemberScenario.KqvGroupAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);

        var response = await clerk.PostFormAsync(InvitationScenario.GroupUrl(groupId),
            [new("Input.ExpiresOn", InvitationScenario.Tomorrow), new("Input.MaxUses", "5")], InvitationScenario.GroupUrl(groupId) + "?handler=Create");

        Assert.Contains("vetëm personale", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await InvitationScenario.CountAsync(portal));
    }
}
