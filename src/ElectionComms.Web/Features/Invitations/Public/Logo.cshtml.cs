using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Invitations.Public;

/// <summary>The current KQZ logo (§6) for the public invitation page; the built-in one until a version is uploaded.</summary>
public sealed class LogoModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var logo = await db.LogoVersions.OrderByDescending(l => l.Version)
            .Select(l => new { l.Content, l.ContentType })
            .FirstOrDefaultAsync(cancellationToken);
        if (logo is null)
        {
            return Redirect("~/img/logo.svg");
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "public, max-age=300";
        if (logo.ContentType == "image/svg+xml")
        {
            Response.Headers.ContentSecurityPolicy = LogoRegister.SvgPolicy;
        }

        return File(logo.Content, logo.ContentType);
    }
}
