using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Common;

/// <summary>
/// Turns an upload larger than the page's request limit into a friendly message. It must run before antiforgery
/// validation, which reads the whole form and would otherwise answer a too-large body with a bare 400; so it is an
/// authorization filter ordered before it and decides from the declared Content-Length without reading the body.
/// <see cref="RequestSizeLimitAttribute"/> stays in place for bodies that do not declare their length.
/// </summary>
/// <param name="maxRequestBytes">The largest request accepted: the file plus room for the multipart envelope and form fields.</param>
/// <param name="messageKey">The resource key of the message shown after the redirect back to the page.</param>
/// <param name="messageLimit">The file limit as the message states it (in its own unit, e.g. KB or MB).</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute(long maxRequestBytes, string messageKey, int messageLimit) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Antiforgery validation runs at order 1000 and form limits at 900.</summary>
    public int Order => 800;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentLength is not { } length || length <= maxRequestBytes)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var localizer = services.GetRequiredService<IStringLocalizer<Strings>>();
        var tempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
        tempData["Error"] = localizer[messageKey, messageLimit].Value;

        // Result filters (which normally save TempData) do not run after an authorization filter short-circuits.
        tempData.Save();
        // Back to the same page with its route values (e.g. the group being reconciled).
        var values = new RouteValueDictionary(context.RouteData.Values.Where(v => v.Key is not "page" and not "handler"));
        context.Result = new RedirectToPageResult((context.ActionDescriptor as PageActionDescriptor)?.ViewEnginePath, values);
    }
}
