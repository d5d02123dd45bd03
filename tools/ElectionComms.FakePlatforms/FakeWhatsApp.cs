using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ElectionComms.FakePlatforms;

/// <summary>
/// A WhatsApp Cloud API (Graph API) on loopback for tests, the demo and benchmarks:
/// <c>POST /{version}/{phone-number-id}/messages</c> (JSON) and <c>/media</c> (multipart upload), with the bearer token
/// checked against the numbers it knows, answered in the real shapes (<c>{"messaging_product":"whatsapp",
/// "messages":[{"id":"wamid…"}]}</c>, <c>{"id":"…"}</c> for media, or <c>{"error":{"message","type","code",
/// "fbtrace_id"}}</c>). Every request is recorded in arrival order, files by name, size and SHA-256. A test scripts a
/// group's answers to sends.
/// </summary>
public sealed class FakeWhatsApp : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> tokens = new();
    private readonly ConcurrentDictionary<string, Func<int, Answer>> scripts = new();
    private readonly ConcurrentDictionary<string, int> calls = new();
    private int nextId = 5000;

    private FakeWhatsApp(WebApplication app) => this.app = app;

    public sealed record Answer(HttpStatusCode Status, string Json);

    /// <summary>One recorded request: the business number, the edge ("messages" or "media"), the JSON or form fields and files.</summary>
    public sealed record Call(string Version, string PhoneNumberId, string Edge, string? Bearer, JsonObject Body, IReadOnlyList<FakeTelegram.UploadedFile> Files, DateTimeOffset At)
    {
        public string? To => Body["to"]?.ToString();
    }

    public ConcurrentQueue<Call> Calls { get; } = new();

    public Uri BaseUrl => new(app.Urls.First());

    public static async Task<FakeWhatsApp> StartAsync(string url = "http://127.0.0.1:0")
    {
        var app = FakeHost.Build(url);
        var fake = new FakeWhatsApp(app);
        app.MapPost("/{version}/{phoneNumberId}/{edge}", fake.HandleAsync);
        app.MapGet("/", () => Results.Content(Journal.Html("WhatsApp Cloud API (fake)", fake.Calls.Reverse().Select(c =>
            new Journal.Row(c.At, c.Edge + (c.Body["type"] is { } type ? " " + type : string.Empty), c.To, Text(c.Body), c.Files.Select(f => $"{f.FileName} ({f.Length:N0} B)")))), "text/html; charset=utf-8"));
        await app.StartAsync();
        return fake;
    }

    /// <summary>A business number the fake accepts, with the access token it must be called with.</summary>
    public void AddNumber(string phoneNumberId, string accessToken) => tokens[phoneNumberId] = accessToken;

    /// <summary>The answers for one group, by attempt (1, 2, …); groups without a script get a sent message.</summary>
    public void Script(string groupId, Func<int, Answer> answer) => scripts[groupId] = answer;

    /// <summary>Forgets the scripts, the attempt counts and the journal (not the numbers), for the next test.</summary>
    public void Reset()
    {
        scripts.Clear();
        calls.Clear();
        Calls.Clear();
    }

    /// <summary>The Graph API's error envelope.</summary>
    public static Answer Error(HttpStatusCode status, int code, string message) =>
        new(status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = message,
                ["type"] = "OAuthException",
                ["code"] = code,
                ["fbtrace_id"] = "A" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
            },
        }.ToJsonString());

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static string? Text(JsonObject body) =>
        body["text"]?["body"]?.ToString() ?? body["document"]?["caption"]?.ToString() ?? body["image"]?["caption"]?.ToString();

    private async Task HandleAsync(HttpContext context, string version, string phoneNumberId, string edge)
    {
        var (body, files) = await FakeTelegram.ReadAsync(context.Request);
        var header = context.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        Calls.Enqueue(new Call(version, phoneNumberId, edge, bearer, body, files, DateTimeOffset.UtcNow));
        var answer = !tokens.TryGetValue(phoneNumberId, out var token) || token != bearer
            ? Error(HttpStatusCode.Unauthorized, 190, "Invalid OAuth access token - Cannot parse access token")
            : edge switch
            {
                "media" => new Answer(HttpStatusCode.OK, new JsonObject { ["id"] = NextId("media") }.ToJsonString()),
                "messages" => AnswerSend(body),
                _ => Error(HttpStatusCode.BadRequest, 100, $"Unknown path components: /{edge}"),
            };
        context.Response.StatusCode = (int)answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Json);
    }

    private Answer AnswerSend(JsonObject body)
    {
        if (body["messaging_product"]?.ToString() != "whatsapp" || body["to"] is null)
        {
            return Error(HttpStatusCode.BadRequest, 100, "(#100) The parameter messaging_product is required.");
        }

        var to = body["to"]!.ToString();
        var attempt = calls.AddOrUpdate(to, 1, (_, n) => n + 1);
        return scripts.TryGetValue(to, out var script)
            ? script(attempt)
            : new Answer(HttpStatusCode.OK, new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["messages"] = new JsonArray(new JsonObject { ["id"] = NextId("wamid.") }),
            }.ToJsonString());
    }

    private string NextId(string prefix) => prefix + Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
