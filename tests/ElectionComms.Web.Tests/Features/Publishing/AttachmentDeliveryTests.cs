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

    private async Task<Guid> ApprovedWithPdfAsync(string text) =>
        await portal.ApprovedWithFileAsync(text, (await MessageScenario.OfficerGroupsAsync(portal))[0], "udhezimi.pdf", Pdf);
}
