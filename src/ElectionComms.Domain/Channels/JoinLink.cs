using System.Text.RegularExpressions;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Channels;

/// <summary>
/// The platform's own link that lets a person join a group, handed out only after the registry check of an
/// invitation (§5b): a Telegram invite link (https://t.me/+… or https://t.me/name), a WhatsApp group link
/// (https://chat.whatsapp.com/…), or the start link of the KQZ's Telegram bot where the group admits people by
/// join request.
/// </summary>
public static partial class JoinLink
{
    public const int MaxLength = 200;

    public static string? Normalise(Platform platform, string? link)
    {
        var text = link?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > MaxLength)
        {
            throw new DomainException("Group.JoinLinkTooLong", MaxLength);
        }

        var telegram = TelegramLink().IsMatch(text);
        var whatsApp = WhatsAppLink().IsMatch(text);
        if (!telegram && !whatsApp)
        {
            throw new DomainException("Group.JoinLinkInvalid");
        }

        return platform switch
        {
            Platform.Telegram when telegram => text,
            Platform.WhatsApp when whatsApp => text,
            Platform.Telegram or Platform.WhatsApp => throw new DomainException("Group.JoinLinkWrongPlatform", platform),
            _ => throw new DomainException("Group.JoinLinkUnsupportedPlatform", platform),
        };
    }

    public static string NormaliseBotStart(string? link)
    {
        var text = link?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new DomainException("Group.BotStartLinkRequired");
        }

        return text.Length <= MaxLength && BotStartLink().IsMatch(text) ? text : throw new DomainException("Group.BotStartLinkInvalid");
    }

    [GeneratedRegex(@"^https://t\.me/(\+[A-Za-z0-9_-]{8,64}|joinchat/[A-Za-z0-9_-]{8,64}|[A-Za-z][A-Za-z0-9_]{4,31})$")]
    private static partial Regex TelegramLink();

    [GeneratedRegex(@"^https://chat\.whatsapp\.com/[A-Za-z0-9]{16,40}$")]
    private static partial Regex WhatsAppLink();

    [GeneratedRegex(@"^https://t\.me/[A-Za-z][A-Za-z0-9_]{2,28}[Bb][Oo][Tt]\?start=[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex BotStartLink();
}
