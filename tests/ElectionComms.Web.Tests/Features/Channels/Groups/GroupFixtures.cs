using ElectionComms.Domain.Channels;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Channels.Groups;

/// <summary>Looks up rows of the seeded small-scale data that the group tests act on.</summary>
internal static class GroupFixtures
{
    public static Task<int> GroupIdAsync(this PortalFactory portal, string name) =>
        portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Groups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync());

    public static Task<Group> GroupAsync(this PortalFactory portal, int id) =>
        portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Groups.Include(g => g.Officers).AsNoTracking().SingleAsync(g => g.Id == id));

    public static Task<Guid> StaffIdAsync(this PortalFactory portal, DemoAccount account) =>
        portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Staff.Where(s => s.Email == account.Email).Select(s => s.Id).SingleAsync());

    /// <summary>A WhatsApp account of the Electoral Administration directorate, as the seed creates per KZAZ.</summary>
    public static Task<int> WhatsAppAccountIdAsync(this PortalFactory portal) =>
        portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().OfficialAccounts
            .Where(a => a.Platform == Platform.WhatsApp && a.Status == AccountStatus.Active).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());

    public static Task<int> GroupCountAsync(this PortalFactory portal) =>
        portal.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Groups.CountAsync());
}
