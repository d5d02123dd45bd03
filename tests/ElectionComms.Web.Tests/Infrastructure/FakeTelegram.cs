using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ElectionComms.Web.Tests.Infrastructure;

/// <summary>
/// A Telegram Bot API on loopback for tests: <c>POST /bot&lt;token&gt;/&lt;method&gt;</c> with a JSON body, answered in
/// the real envelope (<c>{"ok":true,"result":…}</c>, or <c>ok:false</c> with <c>error_code</c>, <c>description</c> and
/// <c>parameters.retry_after</c>). Every request is recorded in arrival order. A test scripts a chat's answers.
/// </summary>
public sealed class FakeTelegram : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<int, Answer>> scripts = new();
    private readonly ConcurrentDictionary<string, int> calls = new();
    private int nextMessageId = 1000;

    private FakeTelegram(WebApplication app) => this.app = app;

    /// <summary>One answer: HTTP status and the JSON body.</summary>
    public sealed record Answer(HttpStatusCode Status, string Json);

    /// <summary>One recorded request.</summary>
    public sealed record Call(string Token, string Method, JsonObject Body, DateTimeOffset At)
    {
        public string ChatId => Body["chat_id"]!.ToString();
    }

    public ConcurrentQueue<Call> Calls { get; } = new();

    public Uri BaseUrl => new(app.Urls.First());

    public static async Task<FakeTelegram> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTelegram(app);
        app.MapPost("/bot{token}/{method}", fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>Forgets the scripts, the attempt counts and the journal, for the next test.</summary>
    public void Reset()
    {
        scripts.Clear();
        calls.Clear();
        Calls.Clear();
    }

    /// <summary>The answers for one chat, by attempt (1, 2, …); chats without a script get a sent message.</summary>
    public void Script(string chatId, Func<int, Answer> answer) => scripts[chatId] = answer;

    public Answer Sent(string chatId, string text) =>
        new(HttpStatusCode.OK, new JsonObject
        {
            ["ok"] = true,
            ["result"] = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref nextMessageId),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = long.TryParse(chatId, out var id) ? id : -1001, ["type"] = "supergroup", ["title"] = "Grup" },
                ["text"] = text,
            },
        }.ToJsonString());

    public static Answer Error(HttpStatusCode status, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = (int)status, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return new Answer(status, body.ToJsonString());
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))?.AsObject() ?? [];
        var call = new Call(token, method, body, DateTimeOffset.UtcNow);
        Calls.Enqueue(call);
        var chat = call.ChatId;
        var attempt = calls.AddOrUpdate(chat, 1, (_, n) => n + 1);
        var answer = scripts.TryGetValue(chat, out var script) ? script(attempt) : Sent(chat, body["text"]?.ToString() ?? string.Empty);
        context.Response.StatusCode = (int)answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Json);
    }
}
