using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ElectionComms.Domain.Administration;
using ElectionComms.Web.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ElectionComms.Web.Tests.Features.Registry;

/// <summary>The seeded election's units as a roster spells them.</summary>
internal sealed record SeedUnits(int Kzaz, int OtherKzaz, string Kqv, string OtherKqv, string Gnv)
{
    public static Task<SeedUnits> LoadAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
    {
        var zones = await db.Kzazs.Where(k => k.ElectionId == portal.ElectionId).OrderBy(k => k.Number).Select(k => k.Number).ToListAsync();
        var centres = await db.VotingCentres.Where(v => v.ElectionId == portal.ElectionId).OrderBy(v => v.Number).Select(v => v.Number).Take(2).ToListAsync();
        var group = await db.CountingGroups.Where(g => g.ElectionId == portal.ElectionId)
            .Join(db.Kzazs, g => g.KzazId, k => k.Id, (g, k) => new { Zone = k.Number, g.Number })
            .OrderBy(g => g.Zone).ThenBy(g => g.Number).FirstAsync();
        return new SeedUnits(zones[0], zones[1], centres[0], centres[1], $"{group.Zone}/{group.Number}");
    });
}

/// <summary>Roster files as clerks make them (CSV in several spellings, XLSX) and the upload a browser sends.</summary>
internal static partial class RosterFiles
{
    public const string ImportUrl = "/Registry/Import";

    public static readonly string[] Header = ["emri_plote", "telefoni", "roli", "niveli", "njesia", "mandati_nga", "mandati_deri"];

    /// <summary>A valid row: name, a distinct Albanian mobile number (069 123 45nn), member of the KQV.</summary>
    public static string[] Row(int n, string kqv, string? name = null, string? phone = null) =>
        [name ?? $"Anëtar Provë {n}", phone ?? $"069 123 45{n:00}", "anëtar", "KQV", kqv, "01.03.2027", "2027-05-31"];

    public static string E164(int n) => $"+3556912345{n:00}";

    public static byte[] Csv(IEnumerable<string[]> rows, string separator = ";", bool bom = true, string newline = "\r\n", string[]? header = null)
    {
        var text = new StringBuilder();
        foreach (var row in new[] { header ?? Header }.Concat(rows))
        {
            text.Append(string.Join(separator, row.Select(cell => cell.Contains(separator, StringComparison.Ordinal) ? $"\"{cell}\"" : cell)));
            text.Append(newline);
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes;
    }

    public static byte[] Xlsx(IEnumerable<string[]> rows, string[]? header = null)
    {
        var columns = header ?? Header;
        var records = rows.Select(row => columns.Select((c, i) => (c, (object?)row[i])).ToDictionary(x => x.c, x => x.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(records, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>
    /// Turns one cell of a workbook into what Excel saves for a formula: the formula and the value it last computed
    /// (MiniExcel writes only values).
    /// </summary>
    public static byte[] WithFormula(byte[] xlsx, string cell, string formula, string cached)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            var replaced = Regex.Replace(xml, $"<(?<p>\\w+:)?c r=\"{cell}\"[^>]*?(/>|>.*?</\\k<p>c>)", m =>
            {
                var p = m.Groups["p"].Value;
                return $"<{p}c r=\"{cell}\" t=\"str\"><{p}f>{System.Security.SecurityElement.Escape(formula)}</{p}f><{p}v>{System.Security.SecurityElement.Escape(cached)}</{p}v></{p}c>";
            });
            Assert.NotEqual(xml, replaced);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(replaced);
        }

        return stream.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadAsync(
        this PortalClient client, int electionId, string fileName, byte[] content, ImportMode mode = ImportMode.Changes)
    {
        var token = PortalClient.AntiforgeryToken(await client.GetHtmlAsync(ImportUrl));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(electionId.ToString(CultureInfo.InvariantCulture)), "Input.ElectionId");
        form.Add(new StringContent(mode.ToString()), "Input.Mode");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv");
        form.Add(file, "Input.File", fileName);
        return await client.Http.PostAsync(ImportUrl, form);
    }

    /// <summary>Uploads and follows the redirect to the preview; returns the preview's URL and HTML.</summary>
    public static async Task<(string Url, string Html)> PreviewAsync(
        this PortalClient client, int electionId, string fileName, byte[] content, ImportMode mode = ImportMode.Changes)
    {
        var response = await client.UploadAsync(electionId, fileName, content, mode);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Upload was not previewed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var url = response.Headers.Location!.OriginalString;
        return (url, await client.GetHtmlAsync(url));
    }

    /// <summary>Applies as a clerk who confirms what the preview shows: the number to be ended and, if asked, the second box.</summary>
    public static async Task<HttpResponseMessage> ApplyAsync(this PortalClient client, string previewUrl)
    {
        var html = await client.GetHtmlAsync(previewUrl);
        var ended = Count(html, "count-ended");
        List<(string, string)> fields = ended > 0 ? [("ConfirmEnded", ended.ToString(CultureInfo.InvariantCulture))] : [];
        if (html.Contains("data-testid=\"confirm-many\"", StringComparison.Ordinal))
        {
            fields.Add(("ConfirmMany", "true"));
        }

        return await client.ApplyAsync(previewUrl, [.. fields]);
    }

    /// <summary>Posts apply with exactly these confirmation fields.</summary>
    public static async Task<HttpResponseMessage> ApplyAsync(this PortalClient client, string previewUrl, params (string Name, string Value)[] fields) =>
        await client.PostFormAsync(previewUrl, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), previewUrl + "&handler=Apply");

    /// <summary>Previews and applies; asserts the apply succeeded (redirect to the list).</summary>
    public static async Task<string> ImportAsync(
        this PortalClient client, int electionId, string fileName, byte[] content, ImportMode mode = ImportMode.Changes)
    {
        var (url, _) = await client.PreviewAsync(electionId, fileName, content, mode);
        var applied = await client.ApplyAsync(url);
        Assert.True(applied.StatusCode == HttpStatusCode.Redirect, $"Apply failed: {(int)applied.StatusCode} {await applied.Content.ReadAsStringAsync()}");
        return await client.GetHtmlAsync(applied.Headers.Location!.OriginalString);
    }

    public static (int New, int Changed, int Unchanged, int Ended, int Invalid) Counts(string previewHtml) => (
        Count(previewHtml, "count-new"), Count(previewHtml, "count-changed"), Count(previewHtml, "count-unchanged"),
        Count(previewHtml, "count-ended"), Count(previewHtml, "count-invalid"));

    private static int Count(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\">([^<]+)<");
        Assert.True(match.Success, $"No {testId} in the preview");
        return int.Parse(match.Groups[1].Value.Replace("\u00a0", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }
}
