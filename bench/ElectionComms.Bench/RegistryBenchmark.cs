using System.Diagnostics;
using System.Globalization;
using System.Text;
using ElectionComms.Domain.Administration;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;
using Npgsql;
using NpgsqlTypes;

namespace ElectionComms.Bench;

/// <summary>
/// Issue 4: a national roster (deterministic Albanian names, unique valid +35569… numbers, units of the national
/// generator) as CSV and XLSX; preview and apply time and peak memory at 10k and 50k rows, beside a raw binary COPY
/// of the same rows into a plain table. Runs against its own database, recreated each time.
/// </summary>
internal static class RegistryBenchmark
{
    public const string DatabaseName = "electioncomms_bench_registry";

    public static async Task RunAsync(string[] sizes)
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
            ?? "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres";
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ConnectionString;
        await RecreateAsync(connectionString);
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options;
        AppDbContext Db() => new(options);

        await using (var db = Db())
        {
            await db.Database.MigrateAsync();
        }

        var electionId = await SeedNationalAsync(Db);
        var units = await RosterUnitsAsync(Db, electionId);
        Console.WriteLine($"database={DatabaseName} election={electionId} units={units.Count:N0} cores={Environment.ProcessorCount}");
        var directory = Directory.CreateTempSubdirectory("registry-bench").FullName;
        Console.WriteLine("| rows | format | file size | raw COPY | preview | apply | preview + apply | × COPY | peak managed heap | peak working set |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            var rows = Generate(units, size).ToList();
            var csv = Path.Combine(directory, $"roster-{size}.csv");
            var xlsx = Path.Combine(directory, $"roster-{size}.xlsx");
            await WriteCsvAsync(csv, rows);
            MiniExcel.SaveAs(xlsx, rows.Select(r => r.Cells()), overwriteFile: true);
            rows = null;
            foreach (var (path, format) in new[] { (csv, TableFormat.Csv), (xlsx, TableFormat.Xlsx) })
            {
                // The floor is noisy on a shared machine: the median of three COPYs.
                var copies = new List<TimeSpan>();
                for (var i = 0; i < 3; i++)
                {
                    copies.Add(await RawCopyAsync(connectionString, units, size));
                }

                var copy = copies.Order().ElementAt(1);
                await ClearAsync(connectionString);
                var (preview, previewPeak) = await MeasureAsync(async () =>
                {
                    await using var db = Db();
                    return await new RosterImporter(db, NullLogger<RosterImporter>.Instance)
                        .PreviewAsync(electionId, path, format, ImportMode.FullRoster, CancellationToken.None);
                });
                var (apply, applyPeak) = await MeasureAsync(async () =>
                {
                    await using var db = Db();
                    return await new RosterImporter(db, NullLogger<RosterImporter>.Instance)
                        .ApplyAsync(electionId, path, format, ImportMode.FullRoster, preview.Outcome, new EndingConfirmation(preview.Outcome.Ended, Many: true), "bench", CancellationToken.None);
                });
                if (apply.Outcome.FileError is not null || apply.Outcome.New != size || preview.Outcome.Errors.Count > 0)
                {
                    throw new InvalidOperationException($"Unexpected outcome: {apply.Outcome.FileError} new={apply.Outcome.New} errors={preview.Outcome.Errors.Count}");
                }

                var total = preview.Elapsed + apply.Elapsed;
                Console.WriteLine(
                    $"| {size:N0} | {format} | {new FileInfo(path).Length / 1024.0 / 1024:N1} MB | {copy.TotalMilliseconds:N0} ms | {preview.Elapsed.TotalMilliseconds:N0} ms | " +
                    $"{apply.Elapsed.TotalMilliseconds:N0} ms | {total.TotalMilliseconds:N0} ms | {total / copy:N1} | " +
                    $"{Math.Max(previewPeak.Heap, applyPeak.Heap) / 1024.0 / 1024:N0} MB | {Math.Max(previewPeak.WorkingSet, applyPeak.WorkingSet) / 1024.0 / 1024:N0} MB |");
            }
        }

        Directory.Delete(directory, recursive: true);
    }

    private sealed record Unit(AdministrationLevel Level, int Id, string Label);

    private sealed record Row(string Name, string Phone, string E164, string Role, Unit Unit)
    {
        public Dictionary<string, object?> Cells() => new()
        {
            ["emri_plote"] = Name,
            ["telefoni"] = Phone,
            ["roli"] = Role,
            ["niveli"] = Unit.Level.ToString(),
            ["njesia"] = Unit.Label,
            ["mandati_nga"] = "01.03.2027",
            ["mandati_deri"] = "31.05.2027",
        };
    }

    /// <summary>Round-robin over every unit: chair, deputy, secretary, then members (counters in GNV, operators in technical teams).</summary>
    private static IEnumerable<Row> Generate(IReadOnlyList<Unit> units, int count)
    {
        var random = new Random(253);
        for (var i = 0; i < count; i++)
        {
            var unit = units[i % units.Count];
            var seat = i / units.Count;
            var role = seat switch
            {
                0 => "kryetar",
                1 => "zëvendëskryetar",
                2 => "sekretar",
                _ => unit.Level switch { AdministrationLevel.Gnv => "numërues", AdministrationLevel.TechnicalStaff => "operator", _ => "anëtar" },
            };
            var subscriber = (1_000_000 + i).ToString(CultureInfo.InvariantCulture);
            var phone = (i % 4) switch
            {
                0 => $"069 {subscriber[..3]} {subscriber[3..]}",
                1 => $"+355 69 {subscriber[..3]} {subscriber[3..]}",
                2 => $"0035569{subscriber}",
                _ => $"069{subscriber}",
            };
            yield return new Row(AlbanianNames.FullName(random), phone, "+35569" + subscriber, role, unit);
        }
    }

    private static async Task WriteCsvAsync(string path, IEnumerable<Row> rows)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync("emri_plote;telefoni;roli;niveli;njesia;mandati_nga;mandati_deri");
        foreach (var row in rows)
        {
            await writer.WriteLineAsync($"{row.Name};{row.Phone};{row.Role};{row.Unit.Level};{row.Unit.Label};01.03.2027;31.05.2027");
        }
    }

    /// <summary>The floor: the same rows (already normalised) written by binary COPY into a plain table, no checks.</summary>
    private static async Task<TimeSpan> RawCopyAsync(string connectionString, IReadOnlyList<Unit> units, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "DROP TABLE IF EXISTS bench_raw_copy; CREATE TABLE bench_raw_copy (full_name text, phone text, role text, level text, unit_id int, mandate_from date, mandate_to date)",
            connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY bench_raw_copy (full_name, phone, role, level, unit_id, mandate_from, mandate_to) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in Generate(units, count))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(row.Name, NpgsqlDbType.Text);
                await writer.WriteAsync(row.E164, NpgsqlDbType.Text);
                await writer.WriteAsync(row.Role, NpgsqlDbType.Text);
                await writer.WriteAsync(row.Unit.Level.ToString(), NpgsqlDbType.Text);
                await writer.WriteAsync(row.Unit.Id, NpgsqlDbType.Integer);
                await writer.WriteAsync(new DateOnly(2027, 3, 1), NpgsqlDbType.Date);
                await writer.WriteAsync(new DateOnly(2027, 5, 31), NpgsqlDbType.Date);
            }

            await writer.CompleteAsync();
        }

        return watch.Elapsed;
    }

    private static async Task<((ImportOutcome Outcome, TimeSpan Elapsed) Result, (long Heap, long WorkingSet) Peak)> MeasureAsync(Func<Task<ImportOutcome>> work)
    {
        var (outcome, elapsed, heap, workingSet) = await PeakMemory.MeasureAsync(work);
        return ((outcome, elapsed), (heap, workingSet));
    }

    private static async Task ClearAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "DELETE FROM phone_reveals", "DELETE FROM people", "VACUUM ANALYZE people" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task RecreateAsync(string connectionString)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE); CREATE DATABASE {DatabaseName}", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> SeedNationalAsync(Func<AppDbContext> db)
    {
        await using var context = db();

        // Only the election seeding runs here; the account services it also holds are not touched.
        var seeder = new DemoSeeder(context, null!, null!, null!, null!, null!, NullLogger<DemoSeeder>.Instance);
        return await seeder.SeedElectionAsync(DemoScale.National);
    }

    private static async Task<List<Unit>> RosterUnitsAsync(Func<AppDbContext> db, int electionId)
    {
        await using var context = db();
        var zones = await context.Kzazs.Where(k => k.ElectionId == electionId).OrderBy(k => k.Number)
            .Select(k => new Unit(AdministrationLevel.Kzaz, k.Id, k.Number.ToString())).ToListAsync();
        var centres = await context.VotingCentres.Where(v => v.ElectionId == electionId).OrderBy(v => v.Number)
            .Select(v => new Unit(AdministrationLevel.Kqv, v.Id, v.Number)).ToListAsync();
        var groups = await context.CountingGroups.Where(g => g.ElectionId == electionId)
            .Join(context.Kzazs, g => g.KzazId, k => k.Id, (g, k) => new { g.Id, Zone = k.Number, g.Number })
            .OrderBy(g => g.Zone).ThenBy(g => g.Number).ToListAsync();
        var teams = await context.TechnicalTeams.Where(t => t.ElectionId == electionId && t.KzazId != null)
            .Join(context.Kzazs, t => t.KzazId, k => k.Id, (t, k) => new { t.Id, k.Number })
            .OrderBy(t => t.Number).ToListAsync();
        return
        [
            .. zones, .. centres,
            .. groups.Select(g => new Unit(AdministrationLevel.Gnv, g.Id, $"{g.Zone}/{g.Number}")),
            .. teams.Select(t => new Unit(AdministrationLevel.TechnicalStaff, t.Id, t.Number.ToString(CultureInfo.InvariantCulture))),
        ];
    }
}
