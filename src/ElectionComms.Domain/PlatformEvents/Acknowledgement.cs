namespace ElectionComms.Domain.PlatformEvents;

/// <summary>
/// A member pressed "Konfirmo / Confirm" under a published message (issue 14 item 6): recorded once per message and
/// person, whichever group they pressed it in, with the delivery it came through.
/// </summary>
public sealed class Acknowledgement
{
    private Acknowledgement()
    {
        PlatformUserId = string.Empty;
    }

    public long Id { get; private set; }

    public Guid MessageId { get; private set; }

    public long DeliveryId { get; private set; }

    public int GroupId { get; private set; }

    public int PersonId { get; private set; }

    public string PlatformUserId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static Acknowledgement Record(Guid messageId, long deliveryId, int groupId, int personId, string platformUserId, DateTimeOffset now) => new()
    {
        MessageId = messageId,
        DeliveryId = deliveryId,
        GroupId = groupId,
        PersonId = personId,
        PlatformUserId = platformUserId,
        At = now,
    };
}
