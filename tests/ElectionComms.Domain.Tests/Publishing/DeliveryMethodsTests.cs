using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Publishing;

namespace ElectionComms.Domain.Tests.Publishing;

/// <summary>Issue 13 items 5 and 6 (§4 c): which groups an API reaches, and the Cloud API's own limits.</summary>
public sealed class DeliveryMethodsTests
{
    private const string CloudApiGroup = "Y2FwaV9ncm91cDoxOTUwNTU1MDA3OToxMjAzNjMzOTQzMjAyMzMwODc=";

    [Theory]
    [InlineData(Platform.Telegram, "-1001700000001", DeliveryMethod.Api)]
    [InlineData(Platform.Telegram, "@kqz_njoftime", DeliveryMethod.Api)]
    [InlineData(Platform.WhatsApp, CloudApiGroup, DeliveryMethod.Api)]
    [InlineData(Platform.WhatsApp, "https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", DeliveryMethod.Manual)]
    [InlineData(Platform.KqzApp, "app:1", DeliveryMethod.Api)]
    [InlineData(Platform.Other, "https://signal.group/#abc", DeliveryMethod.Manual)]
    public void A_group_is_reached_by_api_only_where_the_platform_offers_one(Platform platform, string platformId, DeliveryMethod expected) =>
        Assert.Equal(expected, DeliveryMethods.For(platform, PlatformIdentifier.Normalise(platform, platformId)));

    [Theory]
    [InlineData(CloudApiGroup)]
    [InlineData("https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv")]
    public void A_whatsapp_group_is_named_by_its_cloud_api_id_or_its_invite_link(string platformId) =>
        Assert.Equal(platformId, PlatformIdentifier.Normalise(Platform.WhatsApp, platformId));

    [Theory]
    [InlineData("https://chat.whatsapp.com/short")]
    [InlineData("http://example.org/AbCdEfGhIjKlMnOpQrStUv")]
    [InlineData("not a group id at all")]
    [InlineData("short")]
    public void Anything_else_is_refused_with_the_whatsapp_message(string platformId) =>
        Assert.Equal("Group.WhatsAppLinkInvalid", Assert.Throws<DomainException>(() => PlatformIdentifier.Normalise(Platform.WhatsApp, platformId)).Code);

    [Fact]
    public void A_business_number_creates_at_most_ten_thousand_cloud_api_groups()
    {
        DeliveryMethods.EnsureRoomForCloudApiGroup(DeliveryMethods.MaxCloudApiGroupsPerNumber - 1);
        var full = Assert.Throws<DomainException>(() => DeliveryMethods.EnsureRoomForCloudApiGroup(DeliveryMethods.MaxCloudApiGroupsPerNumber));
        Assert.Equal("Group.CloudApiNumberFull", full.Code);
        Assert.Equal(10_000, DeliveryMethods.MaxCloudApiGroupsPerNumber);
    }
}
