using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore.Storage;

namespace ElectionComms.Web.Features.Invitations;

/// <summary>
/// Invitations of a bulk batch saved in a transaction that is not yet committed: they become real only when
/// <see cref="CommitAsync"/> is called after the sheet or the ZIP has been produced in full (ADR 0019). Disposing
/// without committing rolls them back.
/// </summary>
public sealed class PendingBatch(List<BatchItem> items, IDbContextTransaction transaction) : IAsyncDisposable
{
    public IReadOnlyList<BatchItem> Items => items;

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}

/// <summary>A page whose result carries the codes of a <see cref="PendingBatch"/>.</summary>
public interface IDeliversBatch
{
    PendingBatch? Pending { get; }
}

/// <summary>
/// All-or-nothing delivery of a bulk batch (§5b, ADR 0019): the result (the A4 sheet or the ZIP) is written into a
/// buffer that spills to a temporary file past 64 KB, the batch is committed only once the result has been produced
/// without error, and only then is the buffer sent. A failure midway (or a client that gave up: the commit honours
/// the request's cancellation) leaves no invitation whose code nobody saw.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DeliverBatchBeforeCommitAttribute : Attribute, IAsyncResultFilter
{
    private const int MemoryThreshold = 64 * 1024;

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Controller is not IDeliversBatch { Pending: { } pending })
        {
            await next();
            return;
        }

        await using (pending)
        {
            var response = context.HttpContext.Response;
            var original = response.Body;
            await using var buffer = new FileBufferingWriteStream(MemoryThreshold);
            response.Body = buffer;
            ResultExecutedContext executed;
            try
            {
                executed = await next();
            }
            finally
            {
                response.Body = original;
            }

            if (executed.Exception is not null && !executed.ExceptionHandled)
            {
                // Not committed: the invitations are rolled back with the transaction and the error page is shown.
                return;
            }

            var cancellationToken = context.HttpContext.RequestAborted;
            await pending.CommitAsync(cancellationToken);
            await buffer.DrainBufferAsync(original, cancellationToken);
        }
    }
}
