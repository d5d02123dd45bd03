using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.MemberApp;

/// <summary>
/// A member's phone or computer bound to their registry entry (issue 20, §4 b): bound when the member redeemed their
/// personal invitation on it, known afterwards by a random device key kept in its cookie (only the key's SHA-256 is
/// stored). No password, no self-sign-up; a clerk revokes a lost device, and an ended mandate or a removal ends what it
/// may see at once (checked on every request, not here).
/// </summary>
public sealed class AppDevice
{
    public const int LabelMaxLength = 120;
    public const int KeyHashLength = 32;
    public const int NonceMaxLength = 64;

    private AppDevice()
    {
        KeyHash = [];
        Label = string.Empty;
        BindNonce = string.Empty;
    }

    public int Id { get; private set; }

    public int PersonId { get; private set; }

    public byte[] KeyHash { get; private set; }

    /// <summary>What the member's browser calls itself, shortened ("Android · Chrome"), so the clerk can tell devices apart.</summary>
    public string Label { get; private set; }

    public int InvitationId { get; private set; }

    /// <summary>The bind ticket's nonce: unique, so one ticket binds one device.</summary>
    public string BindNonce { get; private set; }

    public DateTimeOffset BoundAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public Guid? RevokedById { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static AppDevice Bind(int personId, int invitationId, string bindNonce, byte[] keyHash, string? label, DateTimeOffset now)
    {
        if (keyHash.Length != KeyHashLength)
        {
            throw new ArgumentException("A SHA-256 hash.", nameof(keyHash));
        }

        if (bindNonce.Length is 0 or > NonceMaxLength)
        {
            throw new ArgumentException("The ticket's nonce.", nameof(bindNonce));
        }

        var trimmed = (label ?? string.Empty).Trim();
        return new AppDevice
        {
            PersonId = personId,
            InvitationId = invitationId,
            BindNonce = bindNonce,
            KeyHash = keyHash,
            Label = trimmed.Length <= LabelMaxLength ? trimmed : trimmed[..LabelMaxLength],
            BoundAt = now,
            LastSeenAt = now,
        };
    }

    /// <summary>The device was used; recorded at most once a minute, so reading the inbox does not write on every request.</summary>
    public bool Seen(DateTimeOffset now)
    {
        if (now - LastSeenAt < TimeSpan.FromMinutes(1))
        {
            return false;
        }

        LastSeenAt = now;
        return true;
    }

    public void Revoke(Guid by, DateTimeOffset now)
    {
        if (IsRevoked)
        {
            throw new DomainException("AppDevice.AlreadyRevoked");
        }

        RevokedAt = now;
        RevokedById = by;
    }
}
