using ElectionComms.Domain.Channels;

namespace ElectionComms.Web.Features.Publishing;

/// <summary>What one delivery sends: the approved text of the version, to one group, through one official account.</summary>
/// <param name="Text">The portal's formatting subset, as approved; each connector renders it for its platform.</param>
public sealed record Outgoing(long DeliveryId, Platform Platform, string AccountHandle, string ChatId, string Text);

/// <summary>How a platform answered.</summary>
public abstract record SendResult
{
    private SendResult()
    {
    }

    /// <summary>Accepted: the platform's id of the posted message (for recall).</summary>
    public sealed record Sent(string PlatformMessageId) : SendResult;

    /// <summary>Refused for now (429, 5xx, timeout); <paramref name="After"/> is the platform's own wait when it gave one.</summary>
    public sealed record Retry(string Reason, TimeSpan? After) : SendResult;

    /// <summary>Refused for a reason a retry cannot change (chat not found, bot removed, no token).</summary>
    public sealed record Failed(string Reason) : SendResult;
}

/// <summary>One platform's sending, behind the smallest interface the dispatcher needs.</summary>
public interface IPlatformConnector
{
    Platform Platform { get; }

    Task<SendResult> SendAsync(Outgoing outgoing, CancellationToken cancellationToken);
}
