using System.Text.RegularExpressions;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Channels;

/// <summary>
/// How a platform names a group: a Telegram chat id (<c>-1001234567890</c>) or public @username; for WhatsApp the
/// invite link (<c>https://chat.whatsapp.com/…</c>) or channel link of a group run from a phone, or the group id the
/// Cloud API's Groups API gave when a business number created the group (base64, for example
/// <c>Y2FwaV9ncm91cDoxOTUwNTU1MDA3OToxMjAzNjMzOTQzMjAyMzMwODc=</c>). Normalised so that uniqueness per platform holds.
/// </summary>
public static partial class PlatformIdentifier
{
    public const int MaxLength = 200;

    public static string Normalise(Platform platform, string? text)
    {
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            throw new DomainException("Group.PlatformIdRequired");
        }

        if (value.Length > MaxLength)
        {
            throw new DomainException("Group.PlatformIdTooLong", MaxLength);
        }

        var valid = platform switch
        {
            Platform.Telegram => TelegramChatId().IsMatch(value) || TelegramUsername().IsMatch(value),
            Platform.WhatsApp => WhatsAppLink().IsMatch(value) || CloudApiGroupId().IsMatch(value),
            _ => !value.Any(char.IsControl),
        };
        if (!valid)
        {
            throw new DomainException(platform switch
            {
                Platform.Telegram => "Group.TelegramIdInvalid",
                Platform.WhatsApp => "Group.WhatsAppLinkInvalid",
                _ => "Group.PlatformIdInvalid",
            }, value);
        }

        // Telegram usernames are case-insensitive; WhatsApp invite codes are case-sensitive and kept as given.
        return platform == Platform.Telegram && value.StartsWith('@') ? value.ToLowerInvariant() : value;
    }

    [GeneratedRegex(@"^-?\d{5,20}$")]
    private static partial Regex TelegramChatId();

    [GeneratedRegex(@"^@[A-Za-z][A-Za-z0-9_]{4,31}$")]
    private static partial Regex TelegramUsername();

    [GeneratedRegex(@"^[A-Za-z0-9+/_-]{16,160}={0,2}$")]
    private static partial Regex CloudApiGroupId();

    [GeneratedRegex(@"^https://(chat\.whatsapp\.com/[A-Za-z0-9]{20,24}|(www\.)?whatsapp\.com/channel/[A-Za-z0-9]{20,30})$")]
    private static partial Regex WhatsAppLink();
}
