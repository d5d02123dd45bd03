using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;

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
        services.AddMemoryCache(options => options.SizeLimit = 2_000);
        services.AddSingleton<ReadModelCache>();
        services.AddDbContext<AppDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention());
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }
}
