using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace ElectionComms.Web.Setup;

internal static class DatabaseSetup
{
    /// <summary>
    /// Development only (eShop's rule): apply committed migrations and, when the database is empty, load demo data.
    /// Production databases are migrated by an operator with a reviewed script.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStartup", app.Environment.IsDevelopment()))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await PrepareEmptyDatabaseAsync(db);
        await db.Database.MigrateAsync();

        var scale = app.Configuration.GetValue<string>("Demo:Scale");
        if (!string.IsNullOrWhiteSpace(scale))
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
            await seeder.SeedIfEmptyAsync(DemoScale.Parse(scale));
        }
    }

    /// <summary>
    /// On a first start EF Core probes for the database and then reads the migrations history before creating it,
    /// and logs both expected failures as errors (dotnet/efcore#37328). Creating the database (plain Npgsql, no EF
    /// logging) and the history table first keeps a normal first start free of ERR lines.
    /// </summary>
    private static async Task PrepareEmptyDatabaseAsync(AppDbContext db)
    {
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        if (string.IsNullOrEmpty(target.Database))
        {
            return;
        }

        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(maintenance.ConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = target.Database } } };
            if (await exists.ExecuteScalarAsync() is null)
            {
                var name = target.Database.Replace("\"", "\"\"", StringComparison.Ordinal);
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
    }
}
