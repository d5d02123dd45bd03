using System.Text.Json;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Common;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>The updates each bot asks Telegram for: joins, contacts in its private chat, membership changes, button presses.</summary>
public static class TelegramUpdates
{
    public static readonly UpdateType[] Allowed =
        [UpdateType.Message, UpdateType.ChatJoinRequest, UpdateType.ChatMember, UpdateType.MyChatMember, UpdateType.CallbackQuery];

    /// <summary>
    /// <c>--set-webhooks https://portal.example</c>: for each bot with a token and a webhook secret, <c>setWebhook</c>
    /// at <c>/webhooks/telegram/&lt;handle&gt;</c> with <c>secret_token</c> and <see cref="Allowed"/> (docs/deployment.md).
    /// </summary>
    public static async Task<int> RegisterAsync(IServiceProvider services, Uri publicBaseUrl, TextWriter output, CancellationToken cancellationToken)
    {
        var bots = services.GetRequiredService<TelegramBots>();
        var secrets = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformEventsOptions>>().Value.TelegramSecrets;
        var failures = 0;
        foreach (var handle in bots.Settings.Tokens.Keys)
        {
            if (!secrets.TryGetValue(handle, out var secret) || bots.For(handle) is not { } bot)
            {
                await output.WriteLineAsync($"@{handle}: skipped (no webhook secret or no usable token)");
                failures++;
                continue;
            }

            var url = new Uri(publicBaseUrl, TelegramWebhook.Path.Replace("{bot}", handle, StringComparison.Ordinal)).ToString();
            try
            {
                await bot.SetWebhook(url, allowedUpdates: Allowed, secretToken: secret, cancellationToken: cancellationToken);
                await output.WriteLineAsync($"@{handle}: webhook set to {url}");
            }
            catch (ApiRequestException refused)
            {
                await output.WriteLineAsync($"@{handle}: Telegram refused ({refused.ErrorCode}: {refused.Message})");
                failures++;
            }
        }

        return failures;
    }
}

/// <summary>
/// Development mode (<c>PlatformEvents:TelegramMode=Poll</c>): each bot asks the Bot API for updates with
/// <c>getUpdates</c> and stores them in the same inbox the webhook fills, so the rest is the same. The offset is
/// confirmed only after the update is stored; a restart may fetch one again, and the inbox keeps it once.
/// </summary>
public sealed partial class TelegramPolling(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TelegramPolling> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IReadOnlyCollection<string> handles;
        await using (var scope = scopes.CreateAsyncScope())
        {
            handles = [.. scope.ServiceProvider.GetRequiredService<TelegramBots>().Settings.Tokens.Keys];
        }

        await Task.WhenAll(handles.Select(h => PollAsync(h, stoppingToken)));
    }

    private async Task PollAsync(string handle, CancellationToken stoppingToken)
    {
        int? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (scope.ServiceProvider.GetRequiredService<TelegramBots>().For(handle) is not { } bot)
                {
                    return;
                }

                var inbox = scope.ServiceProvider.GetRequiredService<Inbox>();
                foreach (var update in await bot.GetUpdates(offset, timeout: 20, allowedUpdates: TelegramUpdates.Allowed, cancellationToken: stoppingToken))
                {
                    var body = JsonSerializer.Serialize(update, JsonBotAPI.Options);
                    var parsed = TelegramWebhook.Parse(body)!.Value;
                    await inbox.StoreAsync(Platform.Telegram, "@" + handle.ToLowerInvariant(), parsed.Key, parsed.Kind, body, stoppingToken);
                    offset = update.Id + 1;
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(handle, failure.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates for @{Handle} failed ({Failure}); trying again")]
    private partial void LogPollFailed(string handle, string failure);
}
