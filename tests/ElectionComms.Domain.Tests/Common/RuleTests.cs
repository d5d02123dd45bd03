using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Tests.Common;

/// <summary>A rule evaluated in memory and as a bound query filter gives the same answer (issue 12, one home per rule).</summary>
public sealed class RuleTests
{
    private sealed record Window(DateTimeOffset? Until);

    private static readonly Rule<Window, DateTimeOffset> Open = new((w, now) => w.Until == null || w.Until > now);

    [Fact]
    public void The_bound_filter_and_the_compiled_check_agree()
    {
        var now = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
        Window[] windows = [new(null), new(now.AddMinutes(1)), new(now), new(now.AddMinutes(-1))];

        var filtered = windows.AsQueryable().Where(Open.For(now)).ToList();

        Assert.Equal(windows.Where(w => Open.Holds(w, now)).ToList(), filtered);
        Assert.Equal([windows[0], windows[1]], filtered);
    }

    [Fact]
    public void The_argument_is_read_from_a_member_so_queries_send_it_as_a_parameter()
    {
        var filter = Open.For(DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain(filter.Parameters, p => p.Type == typeof(DateTimeOffset));
        Assert.Contains("Value", filter.Body.ToString(), StringComparison.Ordinal);
    }
}
