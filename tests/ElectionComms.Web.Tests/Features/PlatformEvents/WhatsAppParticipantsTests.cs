using System.Net;
using System.Security.Cryptography;
using System.Text;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.PlatformEvents;

/// <summary>
/// Issue 14 item 3 on WhatsApp: people added to a Cloud API group are checked by their number with the same rule;
/// the portal cannot remove anyone there, so a non-member becomes a task for the group's administrator.
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class WhatsAppParticipantsTests(PublishingPortal portal) : IAsyncLifetime
{
    private const string CloudGroup = "Y2FwaV9ncm91cDozNTU2OTAwMTAwMDE6MTIwMzYzMzk0MzIwMjMzMDg3";

    public async Task InitializeAsync()
    {
        portal.Telegram.Reset();
        await portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_registered_member_is_seen_joining_and_a_stranger_becomes_a_task_to_remove_by_hand()
    {
        var groupId = await portal.WithDbAsync(async db =>
        {
            var group = await db.Groups
                .Where(g => g.Platform == Platform.WhatsApp && g.Level == AdministrationLevel.Kqv && db.OfficialAccounts.Any(a => a.Id == g.AccountId && a.Handle == PublishingPortal.WhatsAppNumber))
                .OrderBy(g => g.Id).FirstAsync();
            group.ChangePlatformId(CloudGroup);
            db.People.Add(Person.Register(portal.ElectionId, "Drita Lala", "+355693330003", UnitRole.Member, AdministrationLevel.Kqv, group.ScopeTargetId!.Value,
                DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1), null));
            await db.SaveChangesAsync();
            return group.Id;
        });
        var body = $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"group_participants_update","value":{
              "messaging_product":"whatsapp","metadata":{"display_phone_number":"355690010001","phone_number_id":"{{{PublishingPortal.WhatsAppPhoneNumberId}}}"},
              "groups":[{"timestamp":"1733300000","group_id":"{{{CloudGroup}}}","type":"group_participants_update",
                "added_participants":[{"input":"+355693330003","wa_id":"355693330003"},{"input":"+355698887776","wa_id":"355698887776"}]}]}}]}]}
            """;

        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(body)).StatusCode);
        await portal.ProcessEventsAsync();

        var events = await portal.WithDbAsync(db => db.MemberEvents.AsNoTracking().Where(e => e.GroupId == groupId).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([MemberEventKind.Joined, MemberEventKind.RemoveByHand], events.Select(e => e.Kind));
        Assert.NotNull(events[0].PersonId);
        Assert.Equal(MemberRefusal.NotInRegistry, events[1].Reason);
        Assert.False(await portal.WithDbAsync(db => db.BotActions.AnyAsync()));

        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var page = await director.GetHtmlAsync($"/Channels/Groups/Details/{groupId}");
        Assert.Contains("Duhet hequr me dorë (WhatsApp)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("+355698887776", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"home-removals\"", await director.GetHtmlAsync("/"), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PublishingPortal.WhatsAppAppSecret), Encoding.UTF8.GetBytes(body))));
        return await client.SendAsync(request);
    }
}
