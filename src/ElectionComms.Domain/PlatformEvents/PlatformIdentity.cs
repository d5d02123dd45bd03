using ElectionComms.Domain.Channels;

namespace ElectionComms.Domain.PlatformEvents;

/// <summary>
/// A platform user known to be a person of the registry (issue 14): bound when the person shared their own contact
/// with the bot and the number matched the registry. Later events and acknowledgements then name a person, not a number.
/// </summary>
public sealed class PlatformIdentity
{
    public const int UserIdMaxLength = 40;

    private PlatformIdentity()
    {
        PlatformUserId = string.Empty;
    }

    public int Id { get; private set; }

    public Platform Platform { get; private set; }

    public string PlatformUserId { get; private set; }

    public int PersonId { get; private set; }

    public DateTimeOffset BoundAt { get; private set; }

    public static PlatformIdentity Bind(Platform platform, string platformUserId, int personId, DateTimeOffset now) => new()
    {
        Platform = platform,
        PlatformUserId = platformUserId,
        PersonId = personId,
        BoundAt = now,
    };

    /// <summary>The same user shared a number of another person of the registry (a new election, a changed phone).</summary>
    public void Rebind(int personId, DateTimeOffset now)
    {
        PersonId = personId;
        BoundAt = now;
    }
}
