using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ElectionComms.FakePlatforms;

/// <summary>
/// A Telegram Bot API on loopback for tests, the demo and benchmarks: <c>POST /bot&lt;token&gt;/&lt;method&gt;</c> with a
/// JSON or multipart body (<c>sendDocument</c>), answered in the real envelope (<c>{"ok":true,"result":…}</c>, or
/// <c>ok:false</c> with <c>error_code</c>, <c>description</c> and <c>parameters.retry_after</c>). Every request is
/// recorded in arrival order, files by name, size and SHA-256. A test scripts a chat's answers to sends.
/// </summary>
public sealed class FakeTelegram : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<int, Answer>> scripts = new();
    private readonly ConcurrentDictionary<string, int> calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> updates = new();
    private readonly ConcurrentDictionary<string, JsonObject[]> administrators = new();
    private int nextMessageId = 1000;

    private FakeTelegram(WebApplication app) => this.app = app;

    /// <summary>One answer: HTTP status and the JSON body.</summary>
    public sealed record Answer(HttpStatusCode Status, string Json);

    /// <summary>One recorded request.</summary>
    public sealed record Call(string Token, string Method, JsonObject Body, IReadOnlyList<UploadedFile> Files, DateTimeOffset At)
    {
        public string ChatId => Body["chat_id"]!.ToString();
    }

    /// <summary>A file of a multipart request.</summary>
    public sealed record UploadedFile(string Field, string FileName, string ContentType, long Length, string Sha256);

    /// <summary>How long each send takes to answer, as a slow platform would; zero by default.</summary>
    public TimeSpan SendDelay { get; set; }

    /// <summary>How <c>deleteMessage</c> answers; by default it deletes.</summary>
    public Func<Call, Answer>? DeleteAnswer { get; set; }

    /// <summary>How the membership calls (approve, decline, ban, unban, createChatInviteLink), answerCallbackQuery and setWebhook answer; by default they succeed.</summary>
    public Func<Call, Answer>? MemberAnswer { get; set; }

    /// <summary>How <c>getChatAdministrators</c> answers instead of the chat's list (an error, a chat not found); by default the list.</summary>
    public Func<Call, Answer?>? AdministratorsAnswer { get; set; }

    /// <summary>The username every bot gives in <c>getMe</c> (its id is the number before the token's colon, as on Telegram).</summary>
    public string BotUsername { get; set; } = "KqzAdministrataBot";

    public ConcurrentQueue<Call> Calls { get; } = new();

    private static Answer True => new(HttpStatusCode.OK, """{"ok":true,"result":true}""");

    public Uri BaseUrl => new(app.Urls.First());

    public static async Task<FakeTelegram> StartAsync(string url = "http://127.0.0.1:0")
    {
        var app = FakeHost.Build(url);
        var fake = new FakeTelegram(app);
        app.MapPost("/bot{token}/{method}", fake.HandleAsync);
        app.MapGet("/", () => Results.Content(Journal.Html("Telegram (fake)", fake.Calls.Reverse().Select(c =>
            new Journal.Row(c.At, c.Method, c.Body["chat_id"]?.ToString(), c.Body["text"]?.ToString() ?? c.Body["caption"]?.ToString(), c.Files.Select(f => $"{f.FileName} ({f.Length:N0} B)")))), "text/html; charset=utf-8"));
        await app.StartAsync();
        return fake;
    }

    /// <summary>Forgets the scripts, the attempt counts and the journal, for the next test.</summary>
    public void Reset()
    {
        scripts.Clear();
        calls.Clear();
        Calls.Clear();
        DeleteAnswer = null;
        MemberAnswer = null;
        AdministratorsAnswer = null;
        SendDelay = TimeSpan.Zero;
        updates.Clear();
        administrators.Clear();
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

    /// <summary>A new invite link as the Bot API returns it (ChatInviteLink), with the name and join-request flag asked for.</summary>
    private static Answer InviteLink(Call call) => new(HttpStatusCode.OK, new JsonObject
    {
        ["ok"] = true,
        ["result"] = new JsonObject
        {
            ["invite_link"] = "https://t.me/+" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)),
            ["creator"] = new JsonObject { ["id"] = 111111, ["is_bot"] = true, ["first_name"] = "KQZ", ["username"] = "KqzAdministrataBot" },
            ["creates_join_request"] = call.Body["creates_join_request"]?.GetValue<bool>() ?? false,
            ["is_primary"] = false,
            ["is_revoked"] = false,
            ["name"] = call.Body["name"]?.ToString(),
        },
    }.ToJsonString());

    /// <summary>
    /// The chat's administrators as getChatAdministrators lists them (ChatMember objects: <see cref="Administrator"/>,
    /// <see cref="Owner"/>). A chat without a list has the asking bot alone, with every right.
    /// </summary>
    public void Administrators(string chatId, params JsonObject[] members) => administrators[chatId] = members;

    /// <summary>A ChatMemberAdministrator with every field the Bot API sends.</summary>
    public static JsonObject Administrator(long userId, string firstName, bool isBot = false, bool canInvite = true, bool canRestrict = true, bool canPost = true) => new()
    {
        ["status"] = "administrator",
        ["user"] = User(userId, firstName, isBot),
        ["can_be_edited"] = false,
        ["is_anonymous"] = false,
        ["can_manage_chat"] = true,
        ["can_delete_messages"] = true,
        ["can_manage_video_chats"] = true,
        ["can_restrict_members"] = canRestrict,
        ["can_promote_members"] = false,
        ["can_change_info"] = true,
        ["can_invite_users"] = canInvite,
        ["can_post_stories"] = false,
        ["can_edit_stories"] = false,
        ["can_delete_stories"] = false,
        ["can_post_messages"] = canPost,
        ["can_edit_messages"] = canPost,
        ["can_pin_messages"] = true,
    };

    /// <summary>A ChatMemberOwner (the group's creator).</summary>
    public static JsonObject Owner(long userId, string firstName) => new()
    {
        ["status"] = "creator",
        ["user"] = User(userId, firstName, isBot: false),
        ["is_anonymous"] = false,
    };

    /// <summary>The bot's id, as Telegram gives it: the number before the colon of its token.</summary>
    public static long BotId(string token) => long.Parse(token.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject User(long userId, string firstName, bool isBot) =>
        new() { ["id"] = userId, ["is_bot"] = isBot, ["first_name"] = firstName };

    private Answer ChatAdministrators(string token, Call call)
    {
        if (AdministratorsAnswer?.Invoke(call) is { } scripted)
        {
            return scripted;
        }

        var chat = call.ChatId;
        var members = administrators.TryGetValue(chat, out var listed) ? listed : [Administrator(BotId(token), "KQZ", isBot: true)];

        // Without return_bots, Telegram leaves out every bot but the one asking.
        var returnBots = call.Body["return_bots"]?.GetValue<bool>() ?? false;
        var result = new JsonArray();
        foreach (var member in members.Where(m => returnBots || m["user"]!["is_bot"]!.GetValue<bool>() == false || m["user"]!["id"]!.GetValue<long>() == BotId(token)))
        {
            result.Add(member.DeepClone());
        }

        return new Answer(HttpStatusCode.OK, new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
    }

    private Answer Me(string token) => new(HttpStatusCode.OK, new JsonObject
    {
        ["ok"] = true,
        ["result"] = new JsonObject { ["id"] = BotId(token), ["is_bot"] = true, ["first_name"] = "KQZ", ["username"] = BotUsername },
    }.ToJsonString());

    /// <summary>An update for the bot with this token to fetch with getUpdates (development's poll mode).</summary>
    public void Enqueue(string token, JsonObject update) => updates.GetOrAdd(token, _ => new()).Enqueue(update);

    /// <summary>The queued updates from <c>offset</c> on; waits up to a second when there are none, as a long poll would.</summary>
    private async Task<Answer> UpdatesAsync(string token, Call call, CancellationToken cancellationToken)
    {
        var offset = call.Body["offset"]?.GetValue<long>() ?? 0;
        var queue = updates.GetOrAdd(token, _ => new());
        for (var wait = 0; wait < 10 && queue.IsEmpty; wait++)
        {
            await Task.Delay(100, cancellationToken);
        }

        var result = new JsonArray();
        foreach (var update in queue.Where(u => u["update_id"]!.GetValue<long>() >= offset))
        {
            result.Add(update.DeepClone());
        }

        while (queue.TryPeek(out var head) && head["update_id"]!.GetValue<long>() < offset)
        {
            queue.TryDequeue(out _);
        }

        return new Answer(HttpStatusCode.OK, new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var (body, files) = await ReadAsync(context.Request);
        var call = new Call(token, method, body, files, DateTimeOffset.UtcNow);
        Calls.Enqueue(call);
        if (SendDelay > TimeSpan.Zero && method.StartsWith("send", StringComparison.Ordinal))
        {
            await Task.Delay(SendDelay, context.RequestAborted);
        }

        var answer = method switch
        {
            "deleteMessage" => DeleteAnswer?.Invoke(call) ?? True,
            "sendMessage" or "sendDocument" => AnswerSend(call),
            "approveChatJoinRequest" or "declineChatJoinRequest" or "banChatMember" or "unbanChatMember" or "setWebhook" or "answerCallbackQuery" =>
                MemberAnswer?.Invoke(call) ?? True,
            "getUpdates" => await UpdatesAsync(token, call, context.RequestAborted),
            "createChatInviteLink" => MemberAnswer?.Invoke(call) ?? InviteLink(call),
            "getChatAdministrators" => ChatAdministrators(token, call),
            "getMe" => Me(token),
            _ => Error(HttpStatusCode.NotFound, "Not Found: method not found"),
        };
        context.Response.StatusCode = (int)answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Json);
    }

    private Answer AnswerSend(Call call)
    {
        var chat = call.ChatId;
        var attempt = calls.AddOrUpdate(chat, 1, (_, n) => n + 1);
        return scripts.TryGetValue(chat, out var script)
            ? script(attempt)
            : Sent(chat, call.Body["text"]?.ToString() ?? call.Body["caption"]?.ToString() ?? string.Empty);
    }

    /// <summary>The Bot API (and the Graph API) take JSON, or multipart form data when a file is uploaded.</summary>
    internal static async Task<(JsonObject Body, IReadOnlyList<UploadedFile> Files)> ReadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            // A call without parameters (getMe) comes with no body at all.
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync();
            return (text.Length == 0 ? [] : JsonNode.Parse(text)?.AsObject() ?? [], []);
        }

        var form = await request.ReadFormAsync();
        var body = new JsonObject();
        foreach (var (key, value) in form)
        {
            body[key] = value.ToString();
        }

        var files = new List<UploadedFile>();
        foreach (var file in form.Files)
        {
            await using var stream = file.OpenReadStream();
            var hash = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream));
            files.Add(new UploadedFile(file.Name, file.FileName, file.ContentType, file.Length, hash));
        }

        return (body, files);
    }
}
