using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using ElectionComms.Domain.Publishing;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Features.Messages;
using ElectionComms.Web.Tests.Infrastructure;

namespace ElectionComms.Web.Tests.Features.Publishing;

/// <summary>Issue 13 item 5: an approved attachment goes by <c>sendDocument</c>, byte for byte, with the text as its caption.</summary>
[Collection(PublishingCollection.Name)]
public sealed class AttachmentDeliveryTests(PublishingPortal portal) : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%udhezim per KQV-te\n"u8.ToArray();

    public Task InitializeAsync()
    {
        portal.Telegram.Reset();
        return portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_pdf_goes_as_a_document_with_the_approved_text_as_caption()
    {
        var id = await ApprovedWithPdfAsync("Udhëzimi për numërimin është bashkëngjitur.");

        await portal.DispatchAsync();

        var call = Assert.Single(portal.Telegram.Calls);
        Assert.Equal("sendDocument", call.Method);
        Assert.Equal("Udhëzimi për numërimin është bashkëngjitur.", call.Body["caption"]!.ToString());
        // Telegram.Bot writes the enum's name in multipart forms; the Bot API reads parse_mode case-insensitively.
        Assert.Equal("HTML", call.Body["parse_mode"]!.ToString(), ignoreCase: true);
        var file = Assert.Single(call.Files);
        // Telegram.Bot names the part and refers to it from the "document" field ("attach://<part>"), which the Bot API accepts.
        Assert.True(file.Field == "document" || call.Body["document"]?.ToString() == "attach://" + file.Field, $"document={call.Body["document"]} part={file.Field}");
        Assert.Equal("udhezimi.pdf", file.FileName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), file.Sha256);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await portal.DeliveriesAsync(id)).Status);
    }

    private async Task<Guid> ApprovedWithPdfAsync(string text)
    {
        var groups = await MessageScenario.OfficerGroupsAsync(portal);
        using var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        var token = PortalClient.AntiforgeryToken(await officer.GetHtmlAsync("/Messages/Edit"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(text), "Input.TextSq" },
            { new StringContent(groups[0].ToString(CultureInfo.InvariantCulture)), "Input.GroupIds" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Pdf), "Input.Attachment", "udhezimi.pdf" },
        };
        var response = await officer.Http.PostAsync("/Messages/Edit", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        var submitted = await MessageScenario.SubmitAsync(officer, id);
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await submitted.Content.ReadAsStringAsync(), "alert-danger[^>]*>([^<]*)").Groups[1].Value);
        return await portal.ApproveAsync(id);
    }
}
