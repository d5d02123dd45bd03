using System.Net;
using System.Text;
using System.Xml.Linq;
using ElectionComms.Web.Features.Invitations;
using ElectionComms.Web.Tests.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;

namespace ElectionComms.Web.Tests.Features.Invitations;

/// <summary>§5b: QR codes by QRCoder with error correction Q, a quiet zone and the group's name as caption.</summary>
[Collection(PortalCollection.Name)]
public sealed class QrCodeTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Url = "https://portal.kqz.gov.al/ftese/q0mZ3v6h_Yk2-TnPa8xWcA";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(QrSize.Screen)]
    [InlineData(QrSize.Print)]
    public void Png_decodes_to_exactly_the_invitation_url(QrSize size)
    {
        var png = QrImages.Png(Url, "KQV 0012 – KZAZ 27 Çërrik", size);

        Assert.Equal(Url, QrDecoding.Decode(png));
        var (width, height) = QrDecoding.Size(png);
        Assert.True(height > width, "the caption adds rows under the code");
    }

    [Fact]
    public void Png_keeps_a_white_quiet_zone_of_four_modules()
    {
        using var data = QrImages.Encode(Url);
        var modules = data.ModuleMatrix.Count;
        var png = QrImages.Png(Url, "GNV", QrSize.Screen);
        var image = StbImageSharp.ImageResult.FromMemory(png, StbImageSharp.ColorComponents.Grey);

        var border = 4 * (int)QrSize.Screen;
        Assert.Equal(modules * (int)QrSize.Screen, image.Width);
        for (var y = 0; y < image.Width; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (x < border || y < border || x >= image.Width - border || y >= image.Width - border)
                {
                    Assert.Equal(255, image.Data[(y * image.Width) + x]);
                }
            }
        }
    }

    [Theory]
    [InlineData(QrSize.Screen)]
    [InlineData(QrSize.Print)]
    public void Png_carries_error_correction_Q_or_H_in_its_format_bits(QrSize size)
    {
        var png = QrImages.Png(Url, "KQV 0012 – KZAZ 27 Çërrik", size);

        AssertQOrH(png);
    }

    [Fact]
    public async Task Png_the_portal_serves_carries_error_correction_Q_or_H_in_its_format_bits()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var (id, code) = await InvitationScenario.CreateAsync(clerk, scenario.GroupId);

        foreach (var handler in new[] { "Png", "PrintPng" })
        {
            var png = await (await PostAsync(clerk, $"/Invitations/Show/{id}", handler, code)).Content.ReadAsByteArrayAsync();

            AssertQOrH(png);
        }
    }

    [Fact]
    public void Svg_has_the_escaped_caption_and_is_well_formed()
    {
        var svg = QrImages.Svg(Url, "KQV <12> & \"Çërrik\"");

        var document = XDocument.Parse(svg);
        var text = document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("KQV <12> & \"Çërrik\"", text);
        Assert.DoesNotContain("<12>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Caption_font_draws_the_albanian_letters_apart_from_their_base_letters()
    {
        Span<ushort> e = stackalloc ushort[CaptionFont.Width];
        Span<ushort> accented = stackalloc ushort[CaptionFont.Width];
        foreach (var (plain, letter) in new[] { ('e', 'ë'), ('E', 'Ë'), ('c', 'ç'), ('C', 'Ç') })
        {
            CaptionFont.Glyph(plain, e);
            CaptionFont.Glyph(letter, accented);
            Assert.False(e.SequenceEqual(accented), $"{letter} looks like {plain}");
        }

        CaptionFont.Glyph('~', e);
        Assert.True(e.ToArray().Any(c => c != 0), "the last ASCII glyph is in the table");

        // A caption cut at two lines ends with '…', which used to print as '?'.
        CaptionFont.Glyph('?', e);
        CaptionFont.Glyph('…', accented);
        Assert.False(e.SequenceEqual(accented), "… prints as ?");
        Assert.Equal(new ushort[] { 0x80, 0, 0x80, 0, 0x80 }, accented.ToArray());
    }

    [Fact]
    public void Long_captions_wrap_to_two_lines_at_most()
    {
        var lines = QrImages.Wrap("Grupi i Numërimit të Votave numër dymbëdhjetë i Komisionit të Zonës së Administrimit Zgjedhor", 20);

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.True(l.Length <= 20));
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clerk_downloads_png_and_svg_right_after_creating_and_they_carry_the_link()
    {
        var scenario = await ReconciliationScenario.SeedAsync(portal);
        using var clerk = await InvitationScenario.ClerkAsync(portal);
        var (id, code) = await InvitationScenario.CreateAsync(clerk, scenario.GroupId);
        var show = $"/Invitations/Show/{id}";

        var png = await PostAsync(clerk, show, "Png", code);
        var print = await PostAsync(clerk, show, "PrintPng", code);
        var svg = await PostAsync(clerk, show, "Svg", code);

        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal("https://localhost/ftese/" + code, QrDecoding.Decode(await png.Content.ReadAsByteArrayAsync()));
        Assert.Equal("https://localhost/ftese/" + code, QrDecoding.Decode(await print.Content.ReadAsByteArrayAsync()));
        Assert.Contains("<text", Encoding.UTF8.GetString(await svg.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        var wrong = await PostAsync(clerk, show, "Png", "AAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Null(wrong.Content.Headers.ContentType?.MediaType is "image/png" ? "png" : null);
    }

    /// <summary>§5b: a quarter of a printed code may be smudged or torn, so the level is Q (25 %) or H (30 %).</summary>
    private static void AssertQOrH(byte[] png)
    {
        var level = QrDecoding.FormatErrorCorrection(png);
        Assert.True(level is 'Q' or 'H', $"the format bits say level {level}");
        var decoder = QrDecoding.DecoderErrorCorrection(png);
        Assert.True(decoder is "Q" or "H", $"ZXing reads level {decoder}");
    }

    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string show, string handler, string code)
    {
        var token = PortalClient.AntiforgeryToken(await client.GetHtmlAsync("/Invitations/Index"));
        return await client.Http.PostAsync($"{show}?handler={handler}", new FormUrlEncodedContent(
            [new("code", code), new("__RequestVerificationToken", token)]));
    }
}
