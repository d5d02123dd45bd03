namespace ElectionComms.Web.Localisation;

/// <summary>
/// The portal's wall clock is Albania's (Europe/Tirane), whatever zone the server runs in: timestamps are stored
/// in UTC and shown, or filtered by day, in Tirana time.
/// </summary>
public static class PortalTime
{
    public const string ZoneId = "Europe/Tirane";

    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>Date in the user's culture and a 24-hour time, as Albanian offices write it (28.11.2026 14:05).</summary>
    public static string Display(DateTimeOffset instant, bool seconds = false) =>
        ToLocal(instant).ToString(
            System.Globalization.CultureInfo.CurrentCulture.DateTimeFormat.ShortDatePattern + (seconds ? " HH:mm:ss" : " HH:mm"),
            System.Globalization.CultureInfo.CurrentCulture);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow()));

    /// <summary>The UTC instant at which <paramref name="day"/> begins in Tirana.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    // A container image without time-zone data still runs, in Central European time without summer time rules.
    private static TimeZoneInfo FindZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(ZoneId, out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(1), ZoneId, ZoneId);
}
