using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElectionComms.Web.Setup;

internal static class DataAccessSetup
{
    public static IServiceCollection AddDataAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:Default is not set. Use scripts/run.sh, or set ConnectionStrings__Default.");

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActorSource, HttpAuditActorSource>();
        services.AddScoped<AuditText>();
        services.AddMemoryCache(options => options.SizeLimit = 2_000);
        services.AddSingleton<ReadModelCache>();
        services.AddDbContext<AppDbContext>(options => options
            .UseNpgsql(WithPreparedStatements(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention());
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

        // The one eligibility rule in SQL (§5c, §11), for pages, the platform events and the app's connector alike.
        services.AddScoped<ElectionComms.Web.Common.EligibilityQuery>();
        return services;
    }

    // Every page runs the same few statements: prepared once per pooled connection, PostgreSQL stops parsing and
    // planning them on each request (about 1 ms of its CPU per message page, docs/performance.md, issue 6).
    // A connection string that names the setting keeps its own value.
    internal static string WithPreparedStatements(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers whether a keyword exists at all; the plain builder, whether
        // this string sets it.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }
}
