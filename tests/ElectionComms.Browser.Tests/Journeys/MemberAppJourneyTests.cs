using ElectionComms.Browser.Tests.Infrastructure;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ElectionComms.Browser.Tests.Journeys;

/// <summary>
/// Issue 20 item 7 on a phone's screen, with the portal's own dispatcher: a KQV member opens their personal invitation,
/// types their number and opens the KQZ app; the director approves a message asking for confirmation to the app's
/// group; it arrives in the member's inbox, the member confirms it, and the director's report shows it.
/// </summary>
[Collection(PublishingBrowserCollection.Name)]
public sealed class MemberAppJourneyTests(PublishingBrowserPortal portal) : IAsyncLifetime
{
    private const string Phone = "0691110001";

    public async Task InitializeAsync()
    {
        await portal.ResetAsync();
        portal.Telegram.Reset();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_member_opens_the_app_from_their_invitation_and_confirms_an_approved_message_on_their_phone()
    {
        var code = await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<ElectionComms.Web.Data.AppDbContext>();
            var group = await db.Groups.Include(g => g.Officers).SingleAsync(g => g.Name == "Aplikacioni – KQV – KZAZ 1");
            var centre = await db.VotingCentres.Where(v => v.ElectionId == portal.ElectionId && db.Kzazs.Any(k => k.Id == v.KzazId && k.Number == 1)).OrderBy(v => v.Number).FirstAsync();
            var person = Person.Register(portal.ElectionId, "Drita Kola", "+355691110001", UnitRole.Member, AdministrationLevel.Kqv, centre.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1), null);
            db.People.Add(person);
            var officer = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.CommunicationOfficer.Email);
            group.AssignOfficer(officer, officer.Id, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            var clerk = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.Clerk.Email);
            var issued = await services.GetRequiredService<InvitationIssuer>().CreateAsync(group.Id, person.Id, DateTimeOffset.UtcNow.AddDays(7), 1, null, clerk.Id, CancellationToken.None);
            await db.SaveChangesAsync();
            return issued.Code;
        });

        var phone = await portal.NewPhonePageAsync();
        await phone.GotoAsync($"/ftese/{code}");
        await phone.GetByLabel("Numri i telefonit").FillAsync(Phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Kontrollo numrin" }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Hap aplikacionin e KQZ-së" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app$"));
        await Assertions.Expect(phone.GetByTestId("member-name")).ToHaveTextAsync("Drita Kola");
        await Assertions.Expect(phone.GetByTestId("inbox-empty")).ToBeVisibleAsync();

        var officer = await portal.SignInAsync(DemoAccounts.CommunicationOfficer);
        var messageUrl = await MessageJourney.DraftAndSubmitAsync(officer, "Ju lutemi konfirmoni: KQV-të hapen nesër në orën 07:00.", "Aplikacioni – KQV – KZAZ 1", asksConfirmation: true);

        var director = await portal.SignInAsync(DemoAccounts.AdministrationDirector);
        await director.GotoAsync(messageUrl);
        await MessageJourney.StepUpAndApproveAsync(director, DemoAccounts.AdministrationDirector, portal.ConnectionString);
        await Assertions.Expect(director.GetByTestId("deliveries").Locator("tbody tr")).ToHaveAttributeAsync("data-status", "Sent", new() { Timeout = 30_000 });

        await phone.ReloadAsync();
        var item = phone.GetByTestId("inbox-item");
        await Assertions.Expect(item).ToContainTextAsync("07:00");
        await Assertions.Expect(item).ToContainTextAsync("Kërkon konfirmim");
        await Screenshots.SaveAsync(phone, "app-01-inbox-phone");
        await item.ClickAsync();
        await Assertions.Expect(phone.GetByTestId("message-text")).ToContainTextAsync("KQV-të hapen nesër");
        await phone.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("confirmed")).ToContainTextAsync("konfirmimi juaj u regjistrua");
        await Screenshots.SaveAsync(phone, "app-02-confirmed-phone");

        await director.ReloadAsync();
        await director.GetByTestId("acknowledgements-link").ClickAsync();
        await Assertions.Expect(director.GetByTestId("ack-group")).ToContainTextAsync("1 nga 1 konfirmuan (100 %)");
        await Screenshots.SaveAsync(director, "app-03-acknowledgement-report");
    }
}
