using System.Globalization;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Exports;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Messages;

/// <summary>The confirmation report of one message (issue 14 item 6), for whoever may read the message; CSV or XLSX export.</summary>
public sealed class AcknowledgementsModel(AppDbContext db, AcknowledgementReport report, IAuthorizationService authorization, IStringLocalizer<Strings> localizer) : PageModel
{
    public Guid MessageId { get; private set; }

    public string Excerpt { get; private set; } = string.Empty;

    public bool AsksAcknowledgement { get; private set; }

    public Paged<AcknowledgementReport.GroupRow>? Groups { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int pageNumber, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Groups = await report.PageAsync(id, pageNumber, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, ExportFormat format, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        string[] headers = [localizer["Acknowledgements.Group"], localizer["Acknowledgements.Unit"], localizer["Acknowledgements.Expected"], localizer["Acknowledgements.Confirmed"]];
        var culture = CultureInfo.CurrentCulture;
        async IAsyncEnumerable<object?[]> Rows()
        {
            await foreach (var group in report.AllAsync(id, cancellationToken))
            {
                foreach (var unit in group.Units)
                {
                    yield return [group.Group, unit.Unit, unit.Expected, unit.Confirmed];
                }
            }
        }

        return new ExportFileResult(format, $"konfirmimet-{id:N}", (stream, token) => TableExport.WriteAsync(format, stream, headers, Rows(), culture, token));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(User, new MessageResource(id), MessageRequirement.Read))
        {
            return NotFound();
        }

        var version = await db.Messages.Where(m => m.Id == id).Select(m => new { m.Id, Version = db.MessageVersions.Where(v => v.Id == m.CurrentVersionId).Select(v => new { v.TextSq, v.AsksAcknowledgement }).Single() })
            .SingleOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return NotFound();
        }

        MessageId = id;
        Excerpt = version.Version.TextSq.Length <= 120 ? version.Version.TextSq : version.Version.TextSq[..120] + "…";
        AsksAcknowledgement = version.Version.AsksAcknowledgement;
        return null;
    }
}
