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
    /// of the template (true). PostgreSQL copies only databases nobody is connected to, so pools are cleared and other
    /// sessions of the source ended first.
    /// </summary>
    public static async Task CopyAsync(string connectionString, string template, bool fromTemplate)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        var (source, target) = fromTemplate ? (template, database) : (database, template);
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        // The portal's own listeners (ReadModelSignal's LISTEN connection) hold the source open: they are ended, and
        // open again a second later, by which time the copy is made; if one was quicker, the copy is tried again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using (var end = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @source AND pid <> pg_backend_pid()", connection))
                {
                    end.Parameters.AddWithValue("source", source);
                    await end.ExecuteNonQueryAsync();
                }

                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target}\" TEMPLATE \"{source}\"", connection);
                await create.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException busy) when (busy.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                await Task.Delay(50);
            }
        }
    }
}
