using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace ElectionComms.Web.Features.Channels.Logos;

/// <summary>
/// Serves one logo version's bytes as the type its content was recognised as. An SVG is served under a policy
/// that forbids every script and fetch, so even a file that slipped past the check could do nothing when opened.
/// </summary>
public sealed class ImageModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int version, CancellationToken cancellationToken)
    {
        var logo = await db.LogoVersions
            .Where(l => l.Version == version)
            .Select(l => new { l.Content, l.ContentType, l.FileName })
            .SingleOrDefaultAsync(cancellationToken);
        if (logo is null)
        {
            return NotFound();
        }

        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(logo.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        if (logo.ContentType == "image/svg+xml")
        {
            Response.Headers.ContentSecurityPolicy = LogoRegister.SvgPolicy;
        }

        return File(logo.Content, logo.ContentType);
    }
}
