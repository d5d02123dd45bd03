using ElectionComms.Domain.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionComms.Web.Auth;

/// <summary>
/// The Auditor reads everything and changes nothing (§12: data not editable by third parties; ADR 0020). One global
/// filter, before model binding and the antiforgery check, refuses every page handler that is not a GET or HEAD for a
/// read-only role, except the user's own account (sign-out, password, second factor), the language switch and the
/// error page. Pages still check their own rules; this is the floor no new handler can forget.
/// </summary>
public sealed partial class ReadOnlyRoleFilter(ILogger<ReadOnlyRoleFilter> logger) : IAuthorizationFilter
{
    /// <summary>Roles that may read but never write.</summary>
    public static readonly IReadOnlyList<string> ReadOnlyRoles = [StaffRole.Auditor];

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || !IsReadOnly(context.HttpContext.User))
        {
            return;
        }

        var page = (context.ActionDescriptor as PageActionDescriptor)?.ViewEnginePath;
        if (page is not null && IsSelfService(page))
        {
            return;
        }

        Refused(logger, request.Method, page ?? context.ActionDescriptor.DisplayName ?? string.Empty);
        context.Result = new ForbidResult();
    }

    public static bool IsReadOnly(System.Security.Claims.ClaimsPrincipal user) => ReadOnlyRoles.Any(user.IsInRole);

    /// <summary>What a read-only user may still post: their own account, the language, the error page it is sent to.</summary>
    public static bool IsSelfService(string page) =>
        page.StartsWith("/Account/", StringComparison.Ordinal) || page == "/Language" || page.StartsWith("/Error/", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A read-only role was refused {Method} {Page}")]
    private static partial void Refused(ILogger logger, string method, string page);
}
