using ElectionComms.Web.Data;
using ElectionComms.Web.Setup;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ElectionComms.Web.Tests.Data;

/// <summary>The app prepares its statements unless the operator's connection string decides otherwise.</summary>
[Collection(PortalCollection.Name)]
public sealed class PreparedStatementsTests(PortalFactory portal)
{
    [Fact]
    public void The_running_app_prepares_statements()
    {
        using var scope = portal.Services.CreateScope();
        var connection = new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString());

        Assert.Equal(64, connection.MaxAutoPrepare);
        Assert.Equal(2, connection.AutoPrepareMinUsages);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;maxautoprepare=10", 10)]
    [InlineData("Host=db;Database=x", 64)]
    public void An_explicit_setting_is_kept(string configured, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DataAccessSetup.WithPreparedStatements(configured)).MaxAutoPrepare);
}
