namespace ElectionComms.Web.Data.Seed;

/// <summary>
/// How much of the electoral administration to generate. Small is for tests, medium for the demo, national
/// (92 KZAZ, about 5,225 KQV and 1,000 GNV) for benchmarks.
/// </summary>
public sealed record DemoScale(string Name, int Zones, int VotingCentresPerZone, int CountingGroupsPerZone)
{
    public static readonly DemoScale Small = new("small", 3, 8, 3);
    public static readonly DemoScale Medium = new("medium", 12, 55, 11);
    public static readonly DemoScale National = new("national", 92, 57, 11);

    public static DemoScale Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "small" => Small,
        "medium" => Medium,
        "national" => National,
        _ => throw new ArgumentException($"Unknown demo scale '{name}': use small, medium or national.", nameof(name)),
    };
}
