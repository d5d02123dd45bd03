using ElectionComms.Domain.Administration;
using ElectionComms.Web.Data;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Data;

/// <summary>
/// Issue 12 item 6: cached read models (ADR 0011) are dropped when the change commits — not when a save inside an
/// outer transaction returns (a reader in between would cache rows that may never be committed), and not at all when
/// that transaction rolls back.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ReadModelCacheTests(PortalFactory portal) : IAsyncLifetime
{
    private int computed;

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_save_inside_an_outer_transaction_counts_only_once_that_transaction_commits(bool commit)
    {
        using var scope = portal.Services.CreateScope();
        var cache = scope.ServiceProvider.GetRequiredService<ReadModelCache>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await ReadAsync(cache));

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Elections.Add(Election.Plan("Zgjedhje prove 1", ElectionKind.PartialLocal, new DateOnly(2027, 5, 9)));
            await db.SaveChangesAsync();
            Assert.Equal(1, await ReadAsync(cache));
            await (commit ? transaction.CommitAsync() : transaction.RollbackAsync());
        }

        // Rolled back: nothing changed, the cached value stands. Committed: recomputed once.
        Assert.Equal(commit ? 2 : 1, await ReadAsync(cache));
        Assert.Equal(commit, await db.Elections.AnyAsync(e => e.Name == "Zgjedhje prove 1"));
    }

    [Fact]
    public async Task A_save_without_an_outer_transaction_invalidates_at_once()
    {
        using var scope = portal.Services.CreateScope();
        var cache = scope.ServiceProvider.GetRequiredService<ReadModelCache>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await ReadAsync(cache));

        db.Elections.Add(Election.Plan("Zgjedhje prove 2", ElectionKind.PartialLocal, new DateOnly(2027, 5, 9)));
        await db.SaveChangesAsync();

        Assert.Equal(2, await ReadAsync(cache));
    }

    // A read model that counts how often it was computed; the key is this test's own, so no page's entry interferes.
    private Task<int> ReadAsync(ReadModelCache cache) =>
        cache.GetOrCreateAsync($"test:{GetHashCode()}", () => Task.FromResult(++computed));
}
