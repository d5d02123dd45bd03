using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Pages.Channels.Logos;

/// <summary>
/// Turns an upload larger than the page's request limit into a friendly message. It must run before antiforgery
/// validation, which reads the whole form and would otherwise answer a too-large body with a bare 400; so it is an
/// authorization filter ordered before it and decides from the declared Content-Length without reading the body.
/// <see cref="RequestSizeLimitAttribute"/> stays in place for bodies that do not declare their length.
/// </summary>
/// <param name="messageKey">The resource key of the message; its argument is <paramref name="maxFileKilobytes"/>.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute(long maxRequestBytes, int maxFileKilobytes, string messageKey = "Logos.RequestTooLarge") : Attribute, IAuthorizationFilter, IOrderedFilter
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
        tempData["Error"] = localizer[messageKey, maxFileKilobytes].Value;

        // Result filters (which normally save TempData) do not run after an authorization filter short-circuits.
        tempData.Save();
        context.Result = new RedirectToPageResult((context.ActionDescriptor as PageActionDescriptor)?.ViewEnginePath);
    }
}
