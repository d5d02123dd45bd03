using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Publishing;

public enum DeliveryMethod
{
    /// <summary>The dispatcher sends it through the platform's API.</summary>
    Api = 1,

    /// <summary>No API reaches the group (§4 c): the assigned officer posts the approved text by hand and confirms it.</summary>
    Manual = 2,
}

/// <summary>The one rule for how a group is reached.</summary>
public static class DeliveryMethods
{
    /// <summary>
    /// Telegram groups and channels, through the account's bot. A WhatsApp group that a business number created
    /// through the Cloud API is known by its group id; one run from a phone is known only by its invitation link
    /// (https://chat.whatsapp.com/…), which no API can post to. The KQZ's own app (§4 b) is reached by the portal
    /// itself. Every other platform is posted by hand.
    /// </summary>
    public static DeliveryMethod For(Platform platform, string platformId) => platform switch
    {
        Platform.Telegram or Platform.KqzApp => DeliveryMethod.Api,
        Platform.WhatsApp when !platformId.StartsWith("https://", StringComparison.OrdinalIgnoreCase) => DeliveryMethod.Api,
        _ => DeliveryMethod.Manual,
    };

    /// <summary>The Cloud API lets one business number create at most this many groups.</summary>
    public const int MaxCloudApiGroupsPerNumber = 10_000;

    /// <summary>A Cloud API group holds at most this many participants, and takes no interactive messages.</summary>
    public const int MaxCloudApiGroupParticipants = 8;

    /// <summary>Refuses one more Cloud API group on a business number that already has <paramref name="apiGroupsOfNumber"/>.</summary>
    public static void EnsureRoomForCloudApiGroup(int apiGroupsOfNumber)
    {
        if (apiGroupsOfNumber >= MaxCloudApiGroupsPerNumber)
        {
            throw new DomainException("Group.CloudApiNumberFull", MaxCloudApiGroupsPerNumber);
        }
    }
}
