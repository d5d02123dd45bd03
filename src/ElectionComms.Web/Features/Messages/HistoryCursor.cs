using System.Globalization;

namespace ElectionComms.Web.Features.Messages;

/// <summary>
/// Where a page of the message history starts or ends: the last change and id of a row, in a link. The history holds
/// 100,000 messages at national scale, so it pages by this key instead of by offset (docs/performance.md, issue 6).
/// </summary>
public readonly record struct HistoryCursor(DateTimeOffset At, Guid Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{At.UtcTicks}_{Id:N}");

    /// <summary>Reads a cursor from a link; anything else (edited, truncated) is refused.</summary>
    public static bool TryParse(string? text, out HistoryCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('_');
        if (parts is not [var ticks, var id] ||
            !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks) ||
            utcTicks < DateTimeOffset.MinValue.UtcTicks || utcTicks > DateTimeOffset.MaxValue.UtcTicks ||
            !Guid.TryParseExact(id, "N", out var guid))
        {
            return false;
        }

        cursor = new HistoryCursor(new DateTimeOffset(utcTicks, TimeSpan.Zero), guid);
        return true;
    }
}
