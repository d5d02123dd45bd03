using System.Net;
using System.Threading.RateLimiting;
using ElectionComms.Web.Common;
using ElectionComms.Web.Features.Invitations;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ElectionComms.Web.Setup;

/// <summary>
/// Invitation services and the rate limits of the public invitation page (ADR 0015): per client address and per
/// code, fixed one-minute windows, chained so either limit refuses with 429 and the friendly error page.
/// </summary>
internal static class InvitationsSetup
{
    public static IServiceCollection AddInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InvitationOptions>(configuration.GetSection(InvitationOptions.Section));
        services.AddScoped<InvitationAccess>();
        services.AddScoped<ElectionComms.Web.Features.Invitations.Public.InvitationGate>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, InvitationAuthorizationHandler>();
        services.AddScoped<InvitationIssuer>();
        services.AddScoped<InvitationBatch>();
        services.AddScoped<InvitationLinks>();
        services.AddScoped<InvitationImages>();
        services.AddSingleton<InvitationRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<InvitationRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        });
        return services;
    }
}

/// <summary>
/// The limiter of the public page: a chain of one partition per client address and one per code. Other paths are
/// not limited. <see cref="Reset"/> starts over with empty windows (tests; a restart does the same).
/// </summary>
public sealed class InvitationRateLimiter(IOptions<InvitationOptions> options) : PartitionedRateLimiter<HttpContext>
{
    private PartitionedRateLimiter<HttpContext> inner = Build(options.Value);

    public void Reset()
    {
        var previous = Interlocked.Exchange(ref inner, Build(options.Value));
        previous.Dispose();
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => inner.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) => inner.AttemptAcquire(resource, permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        inner.AcquireAsync(resource, permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The code of a public-page request, or null for any other path (and for the logo).</summary>
    public static string? CodeOf(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        if (!path.StartsWith(InvitationLinks.PathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var code = path[InvitationLinks.PathPrefix.Length..];
        return code.Length == 0 || code.Equals("logo", StringComparison.OrdinalIgnoreCase) ? null : code[..Math.Min(code.Length, 64)];
    }

    private static PartitionedRateLimiter<HttpContext> Build(InvitationOptions settings)
    {
        var perClient = PartitionedRateLimiter.Create<HttpContext, string>(context => CodeOf(context.Request) is null
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter(
                "client:" + (context.Connection.RemoteIpAddress ?? IPAddress.None),
                _ => Window(settings.PerClientPerMinute)));
        var perCode = PartitionedRateLimiter.Create<HttpContext, string>(context => CodeOf(context.Request) is not { } code
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter("code:" + code, _ => Window(settings.PerCodePerMinute)));
        return PartitionedRateLimiter.CreateChained(perClient, perCode);
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
