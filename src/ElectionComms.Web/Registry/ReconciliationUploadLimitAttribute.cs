using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Registry;

/// <summary>
/// The member-list upload's size limit as a friendly message, decided from Content-Length before antiforgery reads
/// the body (the same approach as the logo upload's UploadLimitAttribute, with this page's message and route values).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReconciliationUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>The file plus room for the multipart envelope and the antiforgery token.</summary>
    public const long MaxRequestBytes = ReconciliationMemberList.MaxFileBytes + (64 * 1024);

    public int Order => 800;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentLength is not { } length || length <= MaxRequestBytes)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var localizer = services.GetRequiredService<IStringLocalizer<Strings>>();
        var tempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
        tempData["Error"] = localizer["Reconciliation.FileTooLarge", ReconciliationMemberList.MaxFileBytes / (1024 * 1024)].Value;
        tempData.Save();
        var values = new RouteValueDictionary(context.RouteData.Values.Where(v => v.Key is not "page" and not "handler"));
        context.Result = new RedirectToPageResult((context.ActionDescriptor as PageActionDescriptor)?.ViewEnginePath, values);
    }
}
