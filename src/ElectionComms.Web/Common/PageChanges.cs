using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionComms.Web.Common;

/// <summary>What a change that was saved says, and where the browser goes next (by default, back where it came from).</summary>
public sealed record Done(string Status, string? PageName = null, object? RouteValues = null)
{
    public static implicit operator Done(string status) => new(status);
}

/// <summary>
/// The one post/redirect/get for changes. A saved change puts its status in TempData and redirects. A refused one
/// (see <see cref="ChangeFailures"/>) forgets the half-made change and either redirects back with the error at the
/// top (a button: nothing typed to lose) or shows the form again with the error beside what was typed.
/// </summary>
public sealed class PageChanges(AppDbContext db, ChangeFailures failures)
{
    public const string StatusKey = "Status";
    public const string ErrorKey = "Error";

    /// <summary>A one-button action: either way the browser is redirected to <paramref name="page"/>.</summary>
    public async Task<IActionResult> RedirectAsync(
        PageModel model, string changedMeanwhileKey, Func<Task<Done>> change, object? routeValues, string? page = null)
    {
        var (done, error) = await TryAsync(change, changedMeanwhileKey);
        if (done is null)
        {
            model.TempData.Remove(StatusKey);
            model.TempData[ErrorKey] = error;
            return model.RedirectToPage(page, routeValues);
        }

        return Saved(model, done, page, routeValues);
    }

    /// <summary>A form with typed input: refused, the form is shown again by <paramref name="showAgain"/> with the error.</summary>
    public async Task<IActionResult> FormAsync(
        PageModel model, string changedMeanwhileKey, Func<Task<Done>> change, Func<Task<IActionResult>> showAgain, object? routeValues, string? page = null)
    {
        var (done, error) = await TryAsync(change, changedMeanwhileKey);
        if (done is null)
        {
            model.ModelState.AddModelError(string.Empty, error!);
            return await showAgain();
        }

        return Saved(model, done, page, routeValues);
    }

    private static RedirectToPageResult Saved(PageModel model, Done done, string? page, object? routeValues)
    {
        model.TempData[StatusKey] = done.Status;
        return model.RedirectToPage(done.PageName ?? page, done.RouteValues ?? routeValues);
    }

    private async Task<(Done? Done, string? Error)> TryAsync(Func<Task<Done>> change, string changedMeanwhileKey)
    {
        try
        {
            return (await change(), null);
        }
        catch (Exception exception) when (failures.Describe(exception, changedMeanwhileKey) is { } error)
        {
            // What the refused change left in the context must not be saved by a later call, nor shown as if saved.
            db.ChangeTracker.Clear();
            return (null, error);
        }
    }
}
