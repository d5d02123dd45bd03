using ElectionComms.Web.Auth;
using ElectionComms.Web.Features.Invitations;
using Serilog;
using Serilog.Events;

namespace ElectionComms.Web.Setup;

internal static class PipelineSetup
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        // First: every later step (rate limits, logs, HTTPS redirects) sees the client's address and scheme as the
        // configured proxies forwarded them (InstancesSetup); from anyone else the headers are ignored.
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/Error/500");
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles(new StaticFileOptions
        {
            // The KQZ app's service worker lives in /app/ and controls /app itself (issue 20): the browser needs the
            // wider scope allowed, and a new worker must not wait for a cache to expire.
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Path.Equals("/app/sw.js", StringComparison.Ordinal))
                {
                    context.Context.Response.Headers["Service-Worker-Allowed"] = "/app";
                    context.Context.Response.Headers.CacheControl = "no-cache";
                }
            },
        });
        app.UseSerilogRequestLogging(options => options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
        [
            // An invitation code is a bearer secret (ADR 0015): the request log names the page, not the code.
            new("RequestMethod", new ScalarValue(context.Request.Method)),
            new("RequestPath", new ScalarValue(InvitationRateLimiter.CodeOf(context.Request) is null ? path : InvitationLinks.PathPrefix + "…")),
            new("StatusCode", new ScalarValue(status)),
            new("Elapsed", new ScalarValue(elapsed)),
        ]);
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AccountSetupGate>();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
