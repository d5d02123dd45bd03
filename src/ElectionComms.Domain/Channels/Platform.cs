namespace ElectionComms.Domain.Channels;

/// <summary>Where an official account lives (§1, §3, §4).</summary>
public enum Platform
{
    Telegram = 1,
    WhatsApp = 2,

    /// <summary>The toll-free 0800 help line.</summary>
    Helpline = 3,

    /// <summary>The KQZ's own applications.</summary>
    KqzApp = 4,
    Other = 5,
}

/// <summary>Who controls the platform an account is on — the three cases of §4.</summary>
public enum ControlClass
{
    /// <summary>§4(a): under competent Albanian public authorities (the 0800 line).</summary>
    PublicAuthority = 1,

    /// <summary>§4(b): under the KQZ's own control.</summary>
    KqzControlled = 2,

    /// <summary>§4(c): not controlled by the KQZ (WhatsApp, Telegram).</summary>
    ThirdParty = 3,
}

public enum GroupKind
{
    /// <summary>One-to-many broadcast: only the KQZ posts.</summary>
    Channel = 1,

    /// <summary>A two-way community or group.</summary>
    Group = 2,
}

public static class PlatformRules
{
    /// <summary>The control class a platform implies; only <see cref="Platform.Other"/> lets the requester choose.</summary>
    public static ControlClass? ImpliedControl(Platform platform) => platform switch
    {
        Platform.Telegram or Platform.WhatsApp => ControlClass.ThirdParty,
        Platform.Helpline => ControlClass.PublicAuthority,
        Platform.KqzApp => ControlClass.KqzControlled,
        _ => null,
    };

    /// <summary>
    /// Members a platform accepts in one group: WhatsApp groups hold 1,024 people, those a business number created
    /// through the Cloud API 8 (given <paramref name="platformId"/>), Telegram groups 200,000. Channels have no member
    /// limit on either; null means no known limit.
    /// </summary>
    public static int? Capacity(Platform platform, GroupKind kind, string? platformId = null) => (platform, kind) switch
    {
        (Platform.WhatsApp, GroupKind.Group) when platformId is not null && Publishing.DeliveryMethods.For(platform, platformId) == Publishing.DeliveryMethod.Api
            => Publishing.DeliveryMethods.MaxCloudApiGroupParticipants,
        (Platform.WhatsApp, GroupKind.Group) => 1_024,
        (Platform.Telegram, GroupKind.Group) => 200_000,
        _ => null,
    };

    /// <summary>Only messaging platforms carry groups and channels; the help line and the app have accounts only.</summary>
    public static bool CarriesGroups(Platform platform) => platform is Platform.Telegram or Platform.WhatsApp or Platform.KqzApp or Platform.Other;
}
