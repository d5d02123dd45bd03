using ElectionComms.Domain.Messages;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Messages;

/// <summary>Marks messages expired that were not approved before their send time (§7: no late, unplanned sending).</summary>
public sealed class MessageExpiry(AppDbContext db, TimeProvider clock)
{
    public async Task<int> ExpireOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var overdue = await db.Messages
            .Where(m => m.SendAt != null && m.SendAt <= now &&
                (m.Status == MessageStatus.Draft || m.Status == MessageStatus.Submitted || m.Status == MessageStatus.ChangesRequested))
            .OrderBy(m => m.SendAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var message in overdue)
        {
            message.Expire(now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone acted on one of them at the same moment; the next round sees the new state.
            return 0;
        }

        return overdue.Count;
    }
}

/// <summary>Runs <see cref="MessageExpiry"/> once a minute.</summary>
public sealed partial class MessageExpiryService(IServiceScopeFactory scopes, ILogger<MessageExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<MessageExpiry>().ExpireOverdueAsync(stoppingToken);
                if (expired > 0)
                {
                    LogExpired(expired);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} messages not approved before their send time")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message expiry round failed")]
    private partial void LogFailed(Exception exception);
}
