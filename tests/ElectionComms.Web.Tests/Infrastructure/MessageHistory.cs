using ElectionComms.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Infrastructure;

/// <summary>Historical messages from the demo officer to their first account's groups, decided by the demo director.</summary>
public static class MessageHistory
{
    /// <summary>Writes <paramref name="count"/> messages five minutes apart, as the national demo does (every 50th waits).</summary>
    public static Task SeedAsync(PortalFactory portal, int count) => portal.WithDbAsync(async db =>
    {
        var officer = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.CommunicationOfficer.Email);
        var director = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.AdministrationDirector.Email);
        var groups = await db.Groups.Where(g => g.Officers.Any(o => o.StaffMemberId == officer.Id)).Select(g => new { g.Id, g.AccountId }).ToListAsync();
        var directorate = await db.OfficialAccounts.Where(a => a.Id == groups[0].AccountId).Select(a => a.DirectorateId).SingleAsync();
        await new MessagesSeeder(db, TimeProvider.System).SeedHistoryAsync(
            officer.Id, director.Id, directorate, groups.Where(g => g.AccountId == groups[0].AccountId).Select(g => g.Id).ToArray(), count, DateTimeOffset.UtcNow, default);
        return count;
    });
}
