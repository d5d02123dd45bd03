using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ElectionComms.FakePlatforms;

/// <summary>
/// A Web Push service (RFC 8030) on loopback for tests: <c>POST /push/{subscription}</c> records the headers the
/// push protocol needs (Authorization with the VAPID token, Content-Encoding, TTL, Urgency, Topic) and the encrypted
/// body, and answers 201 Created as push services do, or the status a test sets for a subscription (410 Gone).
/// </summary>
public sealed class FakePushService : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, HttpStatusCode> answers = new();

    private FakePushService(WebApplication app) => this.app = app;

    public sealed record Push(string Subscription, string? Authorization, string? ContentEncoding, string? Ttl, string? Urgency, string? Topic, byte[] Body);

    public ConcurrentQueue<Push> Received { get; } = new();

    public Uri BaseUrl => new(app.Urls.First());

    public static async Task<FakePushService> StartAsync(string url = "http://127.0.0.1:0")
    {
        var app = FakeHost.Build(url);
        var fake = new FakePushService(app);
        app.MapPost("/push/{subscription}", fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The endpoint a browser would have been given for <paramref name="subscription"/>.</summary>
    public string Endpoint(string subscription) => new Uri(BaseUrl, "/push/" + subscription).ToString();

    public void Answer(string subscription, HttpStatusCode status) => answers[subscription] = status;

    public void Reset()
    {
        Received.Clear();
        answers.Clear();
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string subscription)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers;
        Received.Enqueue(new Push(subscription, headers.Authorization, headers.ContentEncoding, headers["TTL"], headers["Urgency"], headers["Topic"], body.ToArray()));
        context.Response.StatusCode = (int)(answers.TryGetValue(subscription, out var status) ? status : HttpStatusCode.Created);
    }
}
