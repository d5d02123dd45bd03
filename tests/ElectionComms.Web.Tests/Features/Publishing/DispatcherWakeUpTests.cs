using ElectionComms.Domain.Publishing;
using ElectionComms.Web.Features.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ElectionComms.Web.Tests.Features.Publishing;

/// <summary>
/// The hosted dispatcher is woken by PostgreSQL's NOTIFY, not by its idle poll: with the poll set to a minute, an
/// approval made while it waits is sent within seconds. Without the trigger or the LISTEN it would wait the minute
/// and this test would fail at its ten-second bound (a correctness bound, not a speed measurement).
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class DispatcherWakeUpTests(PublishingPortal portal) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        portal.Telegram.Reset();
        return portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_new_delivery_wakes_a_waiting_dispatcher()
    {
        var options = portal.Services.GetRequiredService<IOptions<PublishingOptions>>().Value;
        var slowPoll = Options.Create(new PublishingOptions { IdleSeconds = 60, LeaseSeconds = options.LeaseSeconds, Telegram = options.Telegram });
        using var service = new DispatcherService(
            portal.Services.GetRequiredService<IServiceScopeFactory>(), slowPoll, TimeProvider.System, NullLogger<DispatcherService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            // Let it finish its first look and settle into waiting.
            await Task.Delay(TimeSpan.FromSeconds(1));
            var id = await portal.ApprovedAsync();

            var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
            DeliveryStatus status;
            do
            {
                await Task.Delay(100);
                status = Assert.Single(await portal.DeliveriesAsync(id)).Status;
            }
            while (status != DeliveryStatus.Sent && DateTimeOffset.UtcNow < deadline);

            Assert.Equal(DeliveryStatus.Sent, status);
            Assert.Single(portal.Telegram.Calls);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
