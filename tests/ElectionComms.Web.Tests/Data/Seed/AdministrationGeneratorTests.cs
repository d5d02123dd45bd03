using ElectionComms.Domain.Administration;
using ElectionComms.Web.Data.Seed;

namespace ElectionComms.Web.Tests.Data.Seed;

/// <summary>The generator alone, without a database: the demo, the tests and the benchmarks rely on its shape.</summary>
public sealed class AdministrationGeneratorTests
{
    private static readonly IReadOnlyList<ZonePlan> National = AdministrationGenerator.Generate(DemoScale.National);

    [Fact]
    public void Same_seed_gives_the_same_administration()
    {
        var again = AdministrationGenerator.Generate(DemoScale.National);

        Assert.Equal(Flatten(National), Flatten(again));
    }

    [Fact]
    public void Another_seed_gives_other_locations()
    {
        var other = AdministrationGenerator.Generate(DemoScale.National, seed: 2027);

        Assert.NotEqual(Flatten(National), Flatten(other));
    }

    [Fact]
    public void National_scale_has_92_zones_numbered_1_to_92()
    {
        Assert.Equal(92, National.Count);
        Assert.Equal(Enumerable.Range(1, 92), National.Select(z => z.Number));
    }

    [Fact]
    public void National_scale_has_between_5000_and_5500_voting_centres()
    {
        var centres = National.Sum(z => z.VotingCentres.Count);

        Assert.InRange(centres, 5_000, 5_500);
    }

    [Fact]
    public void National_scale_has_between_900_and_1100_counting_groups()
    {
        var groups = National.Sum(z => z.CountingGroups);

        Assert.InRange(groups, 900, 1_100);
        Assert.All(National, z => Assert.InRange(z.CountingGroups, 1, CountingGroup.MaxNumber));
    }

    [Fact]
    public void Every_voting_centre_number_is_valid_and_unique()
    {
        var numbers = National.SelectMany(z => z.VotingCentres).Select(v => v.Number).ToList();

        Assert.All(numbers, n => Assert.True(VotingCentreNumber.TryParse(n, out var parsed) && parsed.Value == n, $"'{n}' is not a voting-centre number"));
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(numbers, n => n.Contains('/', StringComparison.Ordinal));
    }

    [Fact]
    public void Every_zone_sits_in_a_known_municipality()
    {
        var municipalities = Geography.Municipalities().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(National, z => Assert.Contains(z.Municipality, municipalities));
        Assert.Equal(municipalities.Count, National.Select(z => z.Municipality).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Names_use_the_Albanian_letters_e_diaeresis_and_c_cedilla()
    {
        var names = National.SelectMany(z => z.VotingCentres.Select(v => v.Location).Append(z.Municipality).Append(z.Seat)).ToList();

        Assert.Contains(names, n => n.Contains('ë', StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains('ç', StringComparison.Ordinal));
    }

    [Fact]
    public void Small_scale_spans_the_first_qarqe_with_a_few_centres_each()
    {
        var small = AdministrationGenerator.Generate(DemoScale.Small);

        Assert.Equal(DemoScale.Small.Zones, small.Count);
        Assert.All(small, z => Assert.NotEmpty(z.VotingCentres));
        Assert.Equal(Geography.Qarqe.Take(DemoScale.Small.Zones).Select(q => q.Name), small.Select(z => z.Municipality));
    }

    private static List<string> Flatten(IEnumerable<ZonePlan> zones) =>
        zones.SelectMany(z => z.VotingCentres.Select(v => $"{z.Number}|{z.Municipality}|{z.Seat}|{z.CountingGroups}|{v.Number}|{v.Location}")).ToList();
}
