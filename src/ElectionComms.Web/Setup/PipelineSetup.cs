using ElectionComms.Web.Auth;
using Serilog;

namespace ElectionComms.Web.Setup;

internal static class PipelineSetup
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/Error/500");
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseSerilogRequestLogging();
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
