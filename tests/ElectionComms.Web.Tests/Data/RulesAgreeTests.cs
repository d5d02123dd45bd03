using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Views;
using ElectionComms.Web.Features.Channels.Groups;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElectionComms.Web.Tests.Data;

/// <summary>
/// Issue 12 item 2: a rule that SQL spells too (a trigger, a view) is checked here against its one C# definition,
/// so that the two cannot drift apart again.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RulesAgreeTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(Rank.Specialist)]
    [InlineData(Rank.HeadOfSector)]
    [InlineData(Rank.Director)]
    [InlineData(Rank.SecretaryGeneral)]
    public async Task The_administrator_rank_trigger_and_the_inventory_view_accept_exactly_director_rank_or_above(Rank rank)
    {
        var expected = rank.AtLeastDirector();
        var group = await portal.WithDbAsync(db => db.Groups.OrderBy(g => g.Id).Select(g => new { g.Id, g.AdministratorId }).FirstAsync());
        var groupId = group.Id;
        var other = await portal.WithDbAsync(db => db.Staff.Where(s => s.IsActive && s.Id != group.AdministratorId).Select(s => s.Id).FirstAsync());

        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "UPDATE staff_members SET rank = @rank WHERE id = @id", ("rank", rank.ToString()), ("id", other));

        // The trigger: making `other` the administrator is accepted exactly when the rank is director or above.
        var accepted = true;
        try
        {
            await Execute(connection, "UPDATE groups SET administrator_id = @id WHERE id = @group", ("id", other), ("group", groupId));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
        {
            accepted = false;
        }

        Assert.Equal(expected, accepted);

        // The view and the group list: the current administrator demoted (or promoted) to this rank.
        await Execute(connection, "UPDATE staff_members SET rank = @rank WHERE id = (SELECT administrator_id FROM groups WHERE id = @group)",
            ("rank", rank.ToString()), ("group", groupId));
        var inView = await portal.WithDbAsync(db => db.Set<GroupInventoryRow>().Where(g => g.Id == groupId).Select(g => g.AdministratorValid).SingleAsync());
        var inList = await portal.WithDbAsync(db => GroupRows.Project(db, db.Groups.Where(g => g.Id == groupId)).Select(g => g.AdministratorValid).SingleAsync());
        Assert.Equal(expected, inView);
        Assert.Equal(expected, inList);
    }

    [Fact]
    public async Task Group_lists_and_the_inventory_name_every_scope_the_same_way()
    {
        var (inList, inView) = await portal.WithDbAsync(async db =>
        {
            var list = await GroupRows.Project(db, db.Groups).ToDictionaryAsync(g => g.Id, g => g.ScopeTarget);
            var view = await db.Set<GroupInventoryRow>().ToDictionaryAsync(g => g.Id, g => g.ScopeName);
            return (list, view);
        });

        Assert.True(inList.Count >= 10, $"The test organisation has {inList.Count} groups");
        Assert.Equal(inView, inList);
        Assert.Contains(inList.Values, name => name is not null && name.StartsWith("GNV ", StringComparison.Ordinal) && name.Contains(" – KZAZ ", StringComparison.Ordinal));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
