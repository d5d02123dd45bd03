namespace ElectionComms.Domain.Registry;

/// <summary>
/// One member seen in a group on the platform: a row of an admin's export, or a member the Telegram bot observed.
/// Either value may be missing; the phone is as written there, not yet normalised.
/// </summary>
public sealed record MemberObservation(string? Phone, string? Name);
