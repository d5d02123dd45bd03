using ElectionComms.Domain.Messages;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Messages;
using ElectionComms.Web.Localisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Bench;

/// <summary>
/// Issue 6, item 9: the director's approval queue, the message history and a review page at national scale
/// (100,000 historical messages, 2,000 of them waiting for this director), signed in as that director.
/// </summary>
internal static class MessagesBenchmark
{
    public static Task<int> RunAsync(string[] args) => PageLoadBenchmark.RunAsync(args, new PageLoadPlan(
        DemoAccounts.AdministrationDirector,
        host => WithDbAsync(host, async db =>
        {
            var messages = await db.Messages.CountAsync();
            var waiting = await db.Messages.CountAsync(m => m.Status == MessageStatus.Submitted);
            return $"{messages:N0} messages, {waiting:N0} waiting for approval";
        }),
        host => WithDbAsync(host, async db =>
        {
            // The oldest waiting message: its review page has the longest timeline of the waiting ones.
            var waiting = await db.Messages.Where(m => m.Status == MessageStatus.Submitted).OrderBy(m => m.SubmittedAt).Select(m => m.Id).FirstAsync();

            // 500 pages back in the published history, as a reader following "older" 499 times would reach it.
            var deep = await db.Messages.Where(m => m.Status == MessageStatus.Published)
                .OrderByDescending(m => m.UpdatedAt).ThenByDescending(m => m.Id)
                .Skip((500 - 1) * IndexModel.PageSize)
                .Select(m => new { m.UpdatedAt, m.Id })
                .FirstAsync();
            var cursor = new HistoryCursor(deep.UpdatedAt, deep.Id);
            var day = DateOnly.FromDateTime(PortalTime.ToLocal(deep.UpdatedAt));
            return new (string Name, string Path)[]
            {
                ("Approval queue, page 1", "/Messages/Queue"),
                ("Approval queue, page 40", "/Messages/Queue?pageNumber=40"),
                ("Message history, page 1", "/Messages"),
                ("Message history, published, 500 pages back", $"/Messages?status=Published&older={cursor}"),
                ("Message history, one day", $"/Messages?from={day:yyyy-MM-dd}&until={day:yyyy-MM-dd}"),
                ("Review page of a waiting message", $"/Messages/Details/{waiting}"),
            };
        })));

    private static async Task<T> WithDbAsync<T>(BenchHost host, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
