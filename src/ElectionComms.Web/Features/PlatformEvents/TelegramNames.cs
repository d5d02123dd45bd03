using Telegram.Bot.Types;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>How a Telegram user is named in the portal: first and last name as they set them.</summary>
public static class TelegramNames
{
    public static string Of(User user) => string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
}
