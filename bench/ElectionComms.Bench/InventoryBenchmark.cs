using ElectionComms.Web.Data.Seed;

namespace ElectionComms.Bench;

/// <summary>Issue 3, item 10: the Secretary General's inventory dashboard and group list at national scale.</summary>
internal static class InventoryBenchmark
{
    public static Task<int> RunAsync(string[] args) => PageLoadBenchmark.RunAsync(args, new PageLoadPlan(
        DemoAccounts.SecretaryGeneral,
        async host =>
        {
            var (groups, accounts) = await host.SizeAsync();
            return $"{groups:N0} groups, {accounts:N0} accounts";
        },
        _ => Task.FromResult(new (string Name, string Path)[]
        {
            ("Inventory dashboard", "/Channels/Inventory"),
            ("Group list, page 1", "/Channels/Inventory/Groups"),
            ("Group list, filtered and sorted, page 3", "/Channels/Inventory/Groups?platform=WhatsApp&level=Kqv&problem=WithoutOfficer&sort=expected&desc=true&pageNumber=3"),
        })));
}
