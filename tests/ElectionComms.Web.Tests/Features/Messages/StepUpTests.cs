using System.Net;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Messages;

/// <summary>Step-up before approving: a wrong code records nothing, a right one records the time on the server.</summary>
[Collection(PortalCollection.Name)]
public sealed class StepUpTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Wrong_code_is_refused_and_right_code_is_recorded()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);

        var wrong = await director.PostFormAsync("/Account/StepUp", ("Input.Code", "000000"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.StepUpVerifications.CountAsync()));

        await MessageScenario.StepUpAsync(director, DemoAccounts.AdministrationDirector);
        var at = await portal.WithDbAsync(db => db.StepUpVerifications.Select(s => s.VerifiedAt).SingleAsync());
        Assert.True(DateTimeOffset.UtcNow - at < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Account_without_an_authenticator_cannot_step_up()
    {
        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);

        var response = await officer.PostFormAsync("/Account/StepUp", ("Input.Code", "123456"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.StepUpVerifications.CountAsync()));
    }
}
