using ElectionComms.Web.Data.Seed;

// Benchmarks and the scale-data generator. Each issue that asks for a benchmark adds a command here.
var command = args.FirstOrDefault() ?? "help";
switch (command)
{
    case "generate":
        var scale = DemoScale.Parse(args.ElementAtOrDefault(1) ?? "national");
        var zones = AdministrationGenerator.Generate(scale);
        Console.WriteLine($"scale={scale.Name} kzaz={zones.Count} kqv={zones.Sum(z => z.VotingCentres.Count)} gnv={zones.Sum(z => z.CountingGroups)}");
        break;
    case "registry":
        await ElectionComms.Bench.RegistryBenchmark.RunAsync(args.Length > 1 ? args[1..] : ["10000", "50000"]);
        break;
    default:
        Console.WriteLine("usage: dotnet run --project bench/ElectionComms.Bench -c Release -- generate [small|medium|national]");
        break;
}
