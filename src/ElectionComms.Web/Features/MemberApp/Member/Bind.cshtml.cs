using ElectionComms.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionComms.Web.Features.MemberApp.Member;

/// <summary>
/// Binds this browser to the member (issue 20 item 1) on the ticket the invitation page gave once the registry let
/// the personal invitation's number through. A forged, expired or already used ticket binds nothing.
/// </summary>
public sealed class BindModel(MemberSession session, AppBindTickets tickets) : PageModel
{
    public IActionResult OnGet() => Redirect("/app");

    public async Task<IActionResult> OnPostAsync(string? ticket, CancellationToken cancellationToken)
    {
        if (tickets.Read(ticket) is { } valid && await session.BindAsync(HttpContext, valid, cancellationToken))
        {
            return Redirect("/app");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
