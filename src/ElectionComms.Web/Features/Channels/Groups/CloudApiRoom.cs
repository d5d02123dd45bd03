using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Publishing;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Channels.Groups;

/// <summary>The Cloud API's 10,000 groups per business number, checked when a group becomes one of them.</summary>
internal static class CloudApiRoom
{
    /// <summary>Throws when <paramref name="group"/> is a Cloud API group and its number already has as many as it may.</summary>
    public static async Task EnsureAsync(AppDbContext db, Group group, CancellationToken cancellationToken)
    {
        if (group.Platform != Platform.WhatsApp || DeliveryMethods.For(group.Platform, group.PlatformId) != DeliveryMethod.Api)
        {
            return;
        }

        // The number's other groups' identifiers (at most a few thousand short strings), judged by the one rule.
        var others = await db.Groups.Where(g => g.AccountId == group.AccountId && g.Id != group.Id).Select(g => g.PlatformId).ToListAsync(cancellationToken);
        DeliveryMethods.EnsureRoomForCloudApiGroup(others.Count(id => DeliveryMethods.For(Platform.WhatsApp, id) == DeliveryMethod.Api));
    }
}
