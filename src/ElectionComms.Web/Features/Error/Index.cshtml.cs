using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionComms.Web.Features.Error;

/// <summary>Friendly 403/404/500 pages. Re-executed for any method, so it must not demand an antiforgery token.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class IndexModel : PageModel
{
    private static readonly int[] Known = [400, 403, 404, 429, 500];

    public int Code { get; private set; }

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? 500;
        Code = Known.Contains(status) ? status : (status >= 500 ? 500 : 400);
        Response.StatusCode = status;
        RequestId = HttpContext.TraceIdentifier;
    }
}
