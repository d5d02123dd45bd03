using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;

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
        await db.Database.MigrateAsync();

        var scale = app.Configuration.GetValue<string>("Demo:Scale");
        if (!string.IsNullOrWhiteSpace(scale))
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
            await seeder.SeedIfEmptyAsync(DemoScale.Parse(scale));
        }
    }
}
