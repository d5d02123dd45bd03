using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ElectionComms.Web.Exports;

/// <summary>An attachment written straight to the response by <paramref name="write"/>, without building it in memory first.</summary>
public sealed class ExportFileResult(ExportFormat format, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = TableExport.ContentType(format);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName + "." + TableExport.Extension(format));
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
