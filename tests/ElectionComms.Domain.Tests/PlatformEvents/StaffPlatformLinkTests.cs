using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.PlatformEvents;

namespace ElectionComms.Domain.Tests.PlatformEvents;

/// <summary>An employee's own platform account, linked by a one-time code (issue 14 item 5).</summary>
public sealed class StaffPlatformLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_code_links_once_within_its_lifetime()
    {
        var link = StaffPlatformLink.Start(Guid.NewGuid(), Platform.Telegram, "hash", Now);

        link.Complete("100", "Drejtori", Now + StaffPlatformLink.CodeLifetime - TimeSpan.FromSeconds(1));

        Assert.True(link.IsLinked);
        Assert.Equal(("100", "Drejtori", null, null), (link.PlatformUserId, link.PlatformUserName, link.CodeHash, link.CodeExpiresAt));
        Assert.Equal("StaffLink.CodeExpired", Assert.Throws<DomainException>(() => link.Complete("200", null, Now)).Code);
        Assert.Equal("100", link.PlatformUserId);
    }

    [Fact]
    public void An_expired_code_links_nothing()
    {
        var link = StaffPlatformLink.Start(Guid.NewGuid(), Platform.Telegram, "hash", Now);

        Assert.Throws<DomainException>(() => link.Complete("100", null, Now + StaffPlatformLink.CodeLifetime));
        Assert.False(link.IsLinked);
    }

    [Fact]
    public void A_new_code_keeps_the_old_link_until_it_is_used_and_unlinking_forgets_both()
    {
        var link = StaffPlatformLink.Start(Guid.NewGuid(), Platform.Telegram, "first", Now);
        link.Complete("100", null, Now);

        link.NewCode("second", Now.AddDays(1));
        Assert.Equal(("100", "second"), (link.PlatformUserId, link.CodeHash));
        Assert.True(link.CodeValidAt(Now.AddDays(1)));

        link.Unlink();
        Assert.False(link.IsLinked);
        Assert.False(link.CodeValidAt(Now.AddDays(1)));
    }
}
