using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionComms.Web.Features.MemberApp.Member;

/// <summary>One message of the member's inbox, with "Konfirmo" where it asks for it (issue 20 item 4).</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class MessageModel(MemberSession session, MemberInbox inbox) : PageModel
{
    public MemberInbox.Item? Item { get; private set; }

    public NoAccess Reason { get; private set; }

    public bool JustConfirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, bool confirmed, CancellationToken cancellationToken)
    {
        var (member, reason) = await session.CurrentAsync(HttpContext, cancellationToken);
        Reason = reason;
        if (member is null)
        {
            return Page();
        }

        Item = await inbox.OpenAsync(member, id, cancellationToken);
        JustConfirmed = confirmed;
        return Item is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken cancellationToken)
    {
        var (member, reason) = await session.CurrentAsync(HttpContext, cancellationToken);
        if (member is null)
        {
            Reason = reason;
            return Page();
        }

        var confirmed = await inbox.ConfirmAsync(member, id, cancellationToken);
        return Redirect($"/app/m/{id}" + (confirmed ? "?confirmed=true" : string.Empty));
    }
}
