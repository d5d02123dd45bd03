using System.Net;
using ElectionComms.Domain.Invitations;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Invitations;

/// <summary>§5b, §5c, §10: the public page gives the platform link only to numbers the registry allows in the group.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class PublicInvitationTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(ReconciliationScenario Scenario, int Id, string Code, string JoinLink)> ArrangeAsync(int maxUses = 5, bool personal = false)
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var (id, code) = await InvitationScenario.CreateAsync(clerk, scenario.GroupId, maxUses, personal ? scenario.EligibleId : null);
        var link = await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == scenario.GroupId).Select(g => g.JoinLink!).SingleAsync());
        return (scenario, id, code, link);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<input[^>]*name=\"Input\\.Phone\"[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex PhoneInput();

    private Task<List<InvitationUse>> UsesAsync(int id) =>
        portal.WithDbAsync(db => db.InvitationUses.AsNoTracking().Where(u => u.InvitationId == id).OrderBy(u => u.Id).ToListAsync());

    [Fact]
    public async Task Anonymous_page_shows_the_group_name_and_level_without_the_link()
    {
        var (scenario, id, code, link) = await ArrangeAsync();
        var name = await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == scenario.GroupId).Select(g => g.Name).SingleAsync());
        using var member = portal.CreatePortalClient();

        var html = await member.GetHtmlAsync("/ftese/" + code);

        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("KQV", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/ftese/logo\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(link, html, StringComparison.Ordinal);
        Assert.Equal([UseOutcome.Opened], (await UsesAsync(id)).Select(u => u.Outcome));
        var logo = await member.GetAsync("/ftese/logo");
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/svg+xml", logo.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Eligible_member_gets_the_join_link_and_one_use_is_counted()
    {
        var (_, id, code, link) = await ArrangeAsync();
        using var member = portal.CreatePortalClient();

        var (response, html) = await InvitationScenario.SubmitPhoneAsync(member, code, "069 111 0001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"granted\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        Assert.Equal(1, (await InvitationScenario.LoadAsync(portal, id)).UseCount);
        var granted = (await UsesAsync(id)).Single(u => u.Outcome == UseOutcome.Granted);
        Assert.Equal("+355 69 *** **01", granted.MaskedPhone);

        // Opening it again, the same person is given the link again without using another use.
        await InvitationScenario.SubmitPhoneAsync(member, code, "+355691110001");
        Assert.Equal(1, (await InvitationScenario.LoadAsync(portal, id)).UseCount);
    }

    [Theory]
    [InlineData(ReconciliationScenario.OtherZonePhone, ReconciliationScenario.OtherZonePhone, RefusalReason.NotEligible)]
    [InlineData(ReconciliationScenario.EndedPhone, "069 111 0003", RefusalReason.NotInRegistry)]
    [InlineData(ReconciliationScenario.UnknownPhone, ReconciliationScenario.UnknownPhone, RefusalReason.NotInRegistry)]
    [InlineData(ReconciliationScenario.UnknownPhone, "+355 69-111-9999", RefusalReason.NotInRegistry)]
    [InlineData(ReconciliationScenario.UnknownPhone, "00355 (69) 111 99 99", RefusalReason.NotInRegistry)]
    public async Task Number_not_allowed_in_the_group_is_refused_counted_and_masked(string phone, string typed, RefusalReason reason)
    {
        var (_, id, code, link) = await ArrangeAsync();
        using var member = portal.CreatePortalClient();

        var (_, html) = await InvitationScenario.SubmitPhoneAsync(member, code, typed);

        Assert.Contains("data-testid=\"refused\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(link, html, StringComparison.Ordinal);
        var refused = (await UsesAsync(id)).Single(u => u.Outcome == UseOutcome.Refused);
        Assert.Equal(reason, refused.Reason);
        Assert.Equal(ElectionComms.Web.Common.PhoneNumbers.Mask(phone), refused.MaskedPhone);
        FullNumber.AssertAbsent(phone, refused.MaskedPhone, "the recorded use");
        Assert.Equal(0, (await InvitationScenario.LoadAsync(portal, id)).UseCount);
        foreach (var details in await portal.WithDbAsync(db => db.AuditEntries.Select(a => a.Details).ToListAsync()))
        {
            FullNumber.AssertAbsent(phone, details, "the audit trail");
        }

        // The page echoes the number only in the box the person typed it into, for them to correct it.
        FullNumber.AssertAbsent(phone, PhoneInput().Replace(html, "<input>"), "the refusal page");
    }

    [Fact]
    public void Full_number_check_catches_every_spelling_and_passes_a_masked_one()
    {
        foreach (var spelling in new[] { "+355691119999", "069 111 9999", "+355 69-111-9999", "00355 (69) 111.99.99", "355 69 111 9999", "69 111 9999" })
        {
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => FullNumber.AssertAbsent(ReconciliationScenario.UnknownPhone, $"Numri {spelling} u refuzua", spelling));
        }

        FullNumber.AssertAbsent(ReconciliationScenario.UnknownPhone, "Numri +355 69 *** **99 u refuzua", "masked");
    }

    [Fact]
    public async Task Removed_member_is_refused()
    {
        var (scenario, id, code, _) = await ArrangeAsync();
        await portal.WithDbAsync(async db =>
        {
            var clerkId = await db.Staff.Where(s => s.Email == DemoAccounts.Clerk.Email).Select(s => s.Id).SingleAsync();
            var membership = Domain.Registry.GroupMembership.Add(scenario.GroupId, scenario.EligibleId, true, clerkId, DateTimeOffset.UtcNow);
            membership.Remove("U largua", clerkId, DateTimeOffset.UtcNow);
            db.GroupMemberships.Add(membership);
            return await db.SaveChangesAsync();
        });
        using var member = portal.CreatePortalClient();

        var (_, html) = await InvitationScenario.SubmitPhoneAsync(member, code, ReconciliationScenario.EligiblePhone);

        Assert.Contains("data-testid=\"refused\"", html, StringComparison.Ordinal);
        Assert.Equal(RefusalReason.NotEligible, (await UsesAsync(id)).Single(u => u.Outcome == UseOutcome.Refused).Reason);
    }

    [Fact]
    public async Task Personal_invitation_works_only_for_its_person()
    {
        var (_, id, code, link) = await ArrangeAsync(maxUses: 1, personal: true);
        using var member = portal.CreatePortalClient();

        var (_, other) = await InvitationScenario.SubmitPhoneAsync(member, code, ReconciliationScenario.NamesakePhone);
        Assert.Contains("data-testid=\"refused\"", other, StringComparison.Ordinal);
        Assert.Equal(RefusalReason.OtherPerson, (await UsesAsync(id)).Single(u => u.Outcome == UseOutcome.Refused).Reason);

        var (_, own) = await InvitationScenario.SubmitPhoneAsync(member, code, ReconciliationScenario.EligiblePhone);
        Assert.Contains(link, own, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("069 12")]
    public async Task Malformed_phone_gets_a_clear_message_and_nothing_is_counted(string phone)
    {
        var (_, id, code, link) = await ArrangeAsync();
        using var member = portal.CreatePortalClient();

        var (response, html) = await InvitationScenario.SubmitPhoneAsync(member, code, phone);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("Shkruani numrin e telefonit|Shkruani një numër telefoni|nuk është një numër telefoni i vlefshëm|Fusha", html);
        Assert.DoesNotContain(link, html, StringComparison.Ordinal);
        Assert.Equal([UseOutcome.Opened], (await UsesAsync(id)).Select(u => u.Outcome));
    }

    [Fact]
    public async Task Revoked_code_shows_the_no_longer_valid_page_with_410_and_no_group()
    {
        var (scenario, id, code, _) = await ArrangeAsync();
        using (var clerk = await InvitationScenario.ClerkAsync(portal))
        {
            var url = InvitationScenario.GroupUrl(scenario.GroupId);
            await clerk.PostFormAsync(url, [new("invitationId", id.ToString())], url + "?handler=Revoke");
        }

        using var member = portal.CreatePortalClient();
        var response = await member.GetAsync("/ftese/" + code);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("data-testid=\"invitation-gone\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("KQV", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Phone", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Used_up_and_expired_codes_show_the_no_longer_valid_page()
    {
        var (scenario, id, code, _) = await ArrangeAsync(maxUses: 1);
        using var member = portal.CreatePortalClient();
        await InvitationScenario.SubmitPhoneAsync(member, code, ReconciliationScenario.EligiblePhone);

        Assert.Equal(HttpStatusCode.Gone, (await member.GetAsync("/ftese/" + code)).StatusCode);
        Assert.Equal(InvitationStatus.UsedUp, (await InvitationScenario.LoadAsync(portal, id)).StatusAt(DateTimeOffset.UtcNow));

        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var (id2, code2) = await InvitationScenario.CreateAsync(clerk, scenario.GroupId);
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"update invitations set expires_at = now() - interval '1 minute' where id = {id2}"));
        Assert.Equal(HttpStatusCode.Gone, (await member.GetAsync("/ftese/" + code2)).StatusCode);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA%2B%2B")]
    [InlineData("this-is-not-a-code-at-all-and-far-too-long")]
    public async Task Unknown_or_malformed_code_gets_404_and_reveals_nothing(string code)
    {
        await ArrangeAsync();
        using var member = portal.CreatePortalClient();

        var response = await member.GetAsync("/ftese/" + code);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"invitation-unknown\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("KQV", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_requests_for_one_code_get_429_with_a_friendly_page()
    {
        var (_, _, code, _) = await ArrangeAsync();
        using var member = portal.CreatePortalClient();

        HttpResponseMessage? last = null;
        for (var i = 0; i < 31; i++)
        {
            last = await member.GetAsync("/ftese/" + code);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("<h1", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another code from the same client is still served (the client limit is higher than the code limit).
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/ftese/AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
    }

    [Fact]
    public async Task Too_many_requests_from_one_client_get_429_whatever_the_code()
    {
        await ArrangeAsync();
        using var member = portal.CreatePortalClient();

        HttpResponseMessage? last = null;
        for (var i = 0; i < 121; i++)
        {
            last = await member.GetAsync("/ftese/" + (i % 2 == 0 ? "AAAAAAAAAAAAAAAAAAAAAA" : "BBBBBBBBBBBBBBBBBBBBBB") + (i / 2 % 30).ToString("00"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
    }

    [Fact]
    public async Task The_log_files_never_hold_the_code_or_the_full_number()
    {
        var (_, _, code, _) = await ArrangeAsync();
        using var member = portal.CreatePortalClient();
        await InvitationScenario.SubmitPhoneAsync(member, code, ReconciliationScenario.OtherZonePhone);

        var logs = Path.Combine(AppContext.BaseDirectory, "logs");
        var text = string.Join('\n', Directory.GetFiles(logs).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }));
        Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        FullNumber.AssertAbsent(ReconciliationScenario.OtherZonePhone, text, "the logs");
    }
}
