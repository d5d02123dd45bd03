using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.PlatformEvents;

/// <summary>
/// A KQZ employee's own account on a platform (issue 14 item 5), so the portal can tell whether a group's designated
/// administrator (§7) really administers it there. Linked by a one-time code: the portal shows the employee a start
/// link to a KQZ bot carrying the code, and the platform account that opens it within
/// <see cref="CodeLifetime"/> is theirs. Only the code's hash is kept.
/// </summary>
public sealed class StaffPlatformLink
{
    public const int NameMaxLength = 200;

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);

    private StaffPlatformLink()
    {
    }

    public Guid StaffMemberId { get; private set; }

    public Platform Platform { get; private set; }

    /// <summary>The platform's user id, once linked; unique per platform, so one account cannot stand for two people.</summary>
    public string? PlatformUserId { get; private set; }

    public string? PlatformUserName { get; private set; }

    public DateTimeOffset? LinkedAt { get; private set; }

    /// <summary>SHA-256 (hex) of the code waiting to be used, or null.</summary>
    public string? CodeHash { get; private set; }

    public DateTimeOffset? CodeExpiresAt { get; private set; }

    public bool IsLinked => PlatformUserId is not null;

    public static StaffPlatformLink Start(Guid staffMemberId, Platform platform, string codeHash, DateTimeOffset now)
    {
        var link = new StaffPlatformLink { StaffMemberId = staffMemberId, Platform = platform };
        link.NewCode(codeHash, now);
        return link;
    }

    /// <summary>A new code replaces any earlier one; an existing link stays until the code is used.</summary>
    public void NewCode(string codeHash, DateTimeOffset now)
    {
        CodeHash = codeHash;
        CodeExpiresAt = now + CodeLifetime;
    }

    public bool CodeValidAt(DateTimeOffset now) => CodeHash is not null && CodeExpiresAt > now;

    /// <summary>The platform account that opened the code's link is the employee's; the code is used up.</summary>
    public void Complete(string platformUserId, string? name, DateTimeOffset now)
    {
        if (!CodeValidAt(now))
        {
            throw new DomainException("StaffLink.CodeExpired");
        }

        PlatformUserId = platformUserId;
        PlatformUserName = name is { Length: > NameMaxLength } ? name[..NameMaxLength] : name;
        LinkedAt = now;
        CodeHash = null;
        CodeExpiresAt = null;
    }

    public void Unlink()
    {
        PlatformUserId = null;
        PlatformUserName = null;
        LinkedAt = null;
        CodeHash = null;
        CodeExpiresAt = null;
    }
}
