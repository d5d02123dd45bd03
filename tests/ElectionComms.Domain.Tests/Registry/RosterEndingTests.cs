using ElectionComms.Domain.Registry;

namespace ElectionComms.Domain.Tests.Registry;

/// <summary>§5c: a full roster ends people only with the confirmed count, and a second confirmation above a tenth.</summary>
public sealed class RosterEndingTests
{
    [Theory]
    [InlineData(1, 10, false)]
    [InlineData(10, 100, false)]
    [InlineData(11, 100, true)]
    [InlineData(2, 10, true)]
    [InlineData(1, 1, true)]
    [InlineData(0, 0, false)]
    public void More_than_a_tenth_of_the_active_people_needs_the_second_confirmation(int ended, int active, bool needed) =>
        Assert.Equal(needed, RosterEnding.NeedsSecondConfirmation(ended, active));

    [Theory]
    [InlineData(0, 10, null, false, null)]
    [InlineData(1, 10, null, false, "EndedNotConfirmed")]
    [InlineData(1, 10, 2, false, "EndedCountDiffers")]
    [InlineData(1, 10, 1, false, null)]
    [InlineData(5, 10, 5, false, "ManyEndedNotConfirmed")]
    [InlineData(5, 10, 5, true, null)]
    public void Ending_goes_ahead_only_with_the_exact_count_confirmed(int ended, int active, int? confirmed, bool many, string? refusal) =>
        Assert.Equal(refusal, RosterEnding.Refusal(ended, active, confirmed, many));
}
