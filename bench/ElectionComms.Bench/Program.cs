using ElectionComms.Web.Data.Seed;

namespace ElectionComms.Bench;

/// <summary>
/// Benchmarks and the scale-data generator. Each issue that asks for a benchmark adds a command here. (Not a
/// top-level program: the web app's <c>Program</c> is the type the in-process host starts.)
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault() ?? "help")
        {
            case "generate":
                var scale = DemoScale.Parse(args.ElementAtOrDefault(1) ?? "national");
                var zones = AdministrationGenerator.Generate(scale);
                Console.WriteLine($"scale={scale.Name} kzaz={zones.Count} kqv={zones.Sum(z => z.VotingCentres.Count)} gnv={zones.Sum(z => z.CountingGroups)}");
                return 0;
            case "inventory":
                return await InventoryBenchmark.RunAsync(args[1..]);
            case "messages":
                return await MessagesBenchmark.RunAsync(args[1..]);
            case "registry":
                await RegistryBenchmark.RunAsync(args.Length > 1 ? args[1..] : ["10000", "50000"]);
                return 0;
            case "publishing":
                return await PublishingBenchmark.RunAsync(args[1..]);
            case "events":
                return await EventsBenchmark.RunAsync(args[1..]);
            case "app":
                return await AppBenchmark.RunAsync(args[1..]);
            case "invitations":
                await InvitationBenchmark.RunAsync(args[1..]);
                return 0;
            default:
                Console.WriteLine("usage: dotnet run --project bench/ElectionComms.Bench -c Release -- generate [small|medium|national]");
                Console.WriteLine("       dotnet run --project bench/ElectionComms.Bench -c Release -- inventory [--fresh] [--database electioncomms_bench]");
                Console.WriteLine("              [--workers 16] [--warmup 200] [--requests 2000] [--seconds 120] [--auto-prepare N]");
                Console.WriteLine("              [--only word,word] [--path /any/page ...] [--connection-options \"Key=Value;...\"]");
                Console.WriteLine("       dotnet run --project bench/ElectionComms.Bench -c Release -- messages [the same options as inventory]");
                Console.WriteLine("       dotnet run --project bench/ElectionComms.Bench -c Release -- registry [rows ...]");
                Console.WriteLine("       dotnet run --project bench/ElectionComms.Bench -c Release -- invitations [groups=6000] [rounds=3]");
                Console.WriteLine("       dotnet run --project bench/ElectionComms.Bench -c Release -- publishing [--groups 6000] [--rate 30] [--workers 8] [--only limited,unlimited]");
                Console.WriteLine("       dotnet run --project bench/ElectionComms.Bench -c Release -- events [--members 47000] [--groups 6000] [--processors 4] [--senders 16]");
                Console.WriteLine("       dotnet run --project bench/ElectionComms.Bench -c Release -- app [--members 47000] [--openers 16000] [--workers 16] [--paced-seconds 60]");
                return 0;
        }
    }
}
