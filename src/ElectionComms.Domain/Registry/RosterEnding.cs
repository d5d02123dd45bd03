namespace ElectionComms.Domain.Registry;

/// <summary>
/// §5c: a full roster ends the active people of its units whom it does not list. Because that ends mandates in bulk,
/// the clerk confirms the exact number the preview showed, and a second time when it is more than a tenth of the
/// election's active people (ADR 0018).
/// </summary>
public static class RosterEnding
{
    /// <summary>Ending more than this share of the election's active people needs the second confirmation.</summary>
    public const int SecondConfirmationPercent = 10;

    public static bool NeedsSecondConfirmation(int ended, int active) => ended * 100L > active * (long)SecondConfirmationPercent;

    /// <summary>
    /// Why the ending may not go ahead, or null: <paramref name="confirmedCount"/> is the number the clerk confirmed,
    /// <paramref name="ended"/> the number apply would end now, <paramref name="active"/> the election's active people.
    /// </summary>
    public static string? Refusal(int ended, int active, int? confirmedCount, bool confirmedMany)
    {
        if (ended == 0)
        {
            return null;
        }

        if (confirmedCount != ended)
        {
            return confirmedCount is null ? "EndedNotConfirmed" : "EndedCountDiffers";
        }

        return NeedsSecondConfirmation(ended, active) && !confirmedMany ? "ManyEndedNotConfirmed" : null;
    }
}
