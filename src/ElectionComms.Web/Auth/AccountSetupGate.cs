using System.Security.Claims;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Web.Auth;

/// <summary>
/// Keeps a signed-in user on the set-up pages until the account is safe to use: a new password after an
/// administrator set one, and an authenticator for the roles that must have a second factor. Nothing else is
/// reachable until then, so the step cannot be skipped by typing another address.
/// </summary>
internal sealed class AccountSetupGate(RequestDelegate next)
{
    public const string ChangePasswordPath = "/Account/ChangePassword";
    public const string SetupAuthenticatorPath = "/Account/SetupAuthenticator";

    private static readonly string[] AlwaysAllowed =
    [
        "/Account/", "/Language", "/health", "/Error", "/css/", "/js/", "/lib/", "/img/", "/favicon",
    ];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || IsAllowed(context.Request.Path))
        {
            return next(context);
        }

        var target = RequiredStep(user);
        if (target is null)
        {
            return next(context);
        }

        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    public static string? RequiredStep(ClaimsPrincipal user)
    {
        if (user.FindFirstValue(PortalClaims.MustChangePassword) == "1")
        {
            return ChangePasswordPath;
        }

        var needsSecondFactor = StaffRole.All.Any(r => StaffRole.RequiresTwoFactor(r) && user.IsInRole(r));
        return needsSecondFactor && user.FindFirstValue(PortalClaims.TwoFactorEnabled) != "1"
            ? SetupAuthenticatorPath
            : null;
    }

    private static bool IsAllowed(PathString path) =>
        AlwaysAllowed.Any(prefix => path.StartsWithSegments(prefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
