using Npgsql;

namespace ElectionComms.Web.Tests.Infrastructure;

/// <summary>
/// Finds the PostgreSQL that scripts/test.sh started (ConnectionStrings__Default) and derives one database per
/// test project from it, so the projects never reset each other's data.
/// </summary>
public static class TestDatabase
{
    public static string ConnectionString(string suffix)
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
            ?? "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Database=electioncomms_test";
        var builder = new NpgsqlConnectionStringBuilder(configured);
        builder.Database = $"{builder.Database ?? "electioncomms_test"}_{suffix}";
        builder.IncludeErrorDetail = true;

        // The cluster keeps fsync and full-page writes on for scripts/run.sh's data (ADR 0021); test commits need not
        // wait for the disk, and losing the last of them in a crash cannot corrupt anything.
        builder.Options = "-c synchronous_commit=off";
        return builder.ConnectionString;
    }

    public static async Task EnsureCreatedAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Copies the test database to its template (<paramref name="fromTemplate"/> false) or replaces it with a copy
    /// of the template (true). PostgreSQL copies only databases nobody is connected to, so pools are cleared first.
    /// </summary>
    public static async Task CopyAsync(string connectionString, string template, bool fromTemplate)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        var (source, target) = fromTemplate ? (template, database) : (database, template);
        foreach (var sql in new[]
        {
            $"DROP DATABASE IF EXISTS \"{target}\" WITH (FORCE)",
            $"CREATE DATABASE \"{target}\" TEMPLATE \"{source}\"",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
