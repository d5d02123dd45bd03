using ElectionComms.Domain.Messages;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Messages;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Data.Seed;

[Collection(PortalCollection.Name)]
public sealed class MessagesSeederTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Demo_messages_cover_every_page_state_and_pass_the_database_guards()
    {
        await portal.WithServicesAsync(sp => sp.GetRequiredService<MessagesSeeder>().SeedAsync(DemoScale.Small));

        var statuses = await portal.WithDbAsync(db => db.Messages.Select(m => m.Status).Distinct().ToListAsync());
        Assert.Superset(new HashSet<MessageStatus> { MessageStatus.Draft, MessageStatus.Submitted, MessageStatus.ChangesRequested, MessageStatus.Queued }, statuses.ToHashSet());
        Assert.True(await portal.WithDbAsync(db => db.Messages.AnyAsync(m => m.IsTest)));
    }

    [Fact]
    public async Task Set_based_history_writes_hashes_that_match_the_canonical_form()
    {
        await portal.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var officer = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.CommunicationOfficer.Email);
            var director = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
            var groups = await db.Groups.Where(g => g.Officers.Any(o => o.StaffMemberId == officer.Id)).Select(g => g.Id).ToArrayAsync();
            await sp.GetRequiredService<MessagesSeeder>().SeedHistoryAsync(officer.Id, director.Id, director.DirectorateId, groups, 1_000, DateTimeOffset.UtcNow, default);
        });

        var (count, published, queued, versions) = await portal.WithDbAsync(async db => (
            await db.Messages.CountAsync(),
            await db.Messages.CountAsync(m => m.Status == MessageStatus.Published),
            await db.PublishingQueue.CountAsync(),
            await db.MessageVersions.Include(v => v.Targets).Take(20).ToListAsync()));
        Assert.Equal(1_000, count);
        Assert.Equal(published, queued);
        Assert.All(versions, v => Assert.Equal(v.Content.Hash(), v.ContentHash));
    }

    [Fact]
    public async Task Expiry_marks_submitted_messages_whose_send_time_passed()
    {
        var id = await ElectionComms.Web.Tests.Features.Messages.MessageScenario.SubmittedAsync(portal);
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE messages SET send_at = now() - interval '1 minute' WHERE id = {0}", id));

        var expired = await portal.WithServicesAsync(sp => sp.GetRequiredService<MessageExpiry>().ExpireOverdueAsync());

        Assert.Equal(1, expired);
        Assert.Equal(MessageStatus.Expired, await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }
}
