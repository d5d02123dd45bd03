using System.Text;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Tests.Channels;

public sealed class LogoImageTests
{
    [Fact]
    public void Png_of_160_pixels_is_recognised_with_its_size()
    {
        var info = LogoImage.Inspect(TestPng.Create(160, 200));
        Assert.Equal(new LogoImage.Info("image/png", 160, 200), info);
    }

    [Theory]
    [InlineData(159, 400)]
    [InlineData(400, 64)]
    [InlineData(4097, 400)]
    public void Png_smaller_than_160_or_larger_than_4096_pixels_is_refused(int width, int height)
    {
        var error = Assert.Throws<DomainException>(() => LogoImage.Inspect(TestPng.Create(width, height)));
        Assert.Equal("Logo.BadSize", error.Code);
        Assert.Equal([width, height, LogoImage.MinSide, LogoImage.MaxSide], error.Arguments);
    }

    [Fact]
    public void Png_signature_without_a_header_is_not_an_image()
    {
        var truncated = TestPng.Create(200, 200)[..12];
        Assert.Equal("Logo.NotAnImage", Assert.Throws<DomainException>(() => LogoImage.Inspect(truncated)).Code);
    }

    [Fact]
    public void Text_is_not_an_image_whatever_the_file_is_called()
    {
        var text = Encoding.UTF8.GetBytes("Ky skedar quhet logo.png por është tekst.");
        Assert.Equal("Logo.NotAnImage", Assert.Throws<DomainException>(() => LogoImage.Inspect(text)).Code);
    }

    [Fact]
    public void Xml_that_is_not_svg_is_not_an_image()
    {
        var html = Encoding.UTF8.GetBytes("<html><body>logo</body></html>");
        Assert.Equal("Logo.NotAnImage", Assert.Throws<DomainException>(() => LogoImage.Inspect(html)).Code);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        Assert.Equal("Logo.Empty", Assert.Throws<DomainException>(() => LogoImage.Inspect([])).Code);
    }

    [Fact]
    public void File_over_one_megabyte_is_refused_before_it_is_read()
    {
        var content = new byte[LogoImage.MaxBytes + 1];
        TestPng.Create(200, 200).CopyTo(content, 0);
        var error = Assert.Throws<DomainException>(() => LogoImage.Inspect(content));
        Assert.Equal("Logo.TooLarge", error.Code);
        Assert.Equal([1024], error.Arguments);
    }

    [Fact]
    public void Plain_svg_is_recognised_with_its_view_box()
    {
        var info = LogoImage.Inspect(Svg("<rect width=\"512\" height=\"256\" fill=\"#8a1c1c\"/>"));
        Assert.Equal(new LogoImage.Info("image/svg+xml", 512, 256), info);
    }

    [Fact]
    public void Svg_may_link_inside_itself_and_embed_a_png()
    {
        var content = Svg("<defs><linearGradient id=\"g\"/></defs><use href=\"#g\"/><image href=\"data:image/png;base64,iVBORw0KGgo=\"/>");
        Assert.Equal("image/svg+xml", LogoImage.Inspect(content).ContentType);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "script")]
    [InlineData("<svg:script xmlns:svg=\"http://www.w3.org/2000/svg\">alert(1)</svg:script>", "script")]
    [InlineData("<foreignObject><p>x</p></foreignObject>", "foreignObject")]
    [InlineData("<rect onclick=\"alert(1)\" width=\"1\" height=\"1\"/>", "onclick")]
    [InlineData("<a href=\"javascript:alert(1)\"><rect width=\"1\" height=\"1\"/></a>", "href")]
    [InlineData("<image href=\"https://example.org/tracker.png\"/>", "href")]
    [InlineData("<rect style=\"fill: url(https://example.org/x)\" width=\"1\" height=\"1\"/>", "style")]
    public void Svg_with_active_or_external_content_is_refused(string body, string culprit)
    {
        var error = Assert.Throws<DomainException>(() => LogoImage.Inspect(Svg(body)));
        Assert.Equal("Logo.SvgActiveContent", error.Code);
        Assert.Equal([culprit], error.Arguments);
    }

    [Theory]
    [InlineData("onload")]
    [InlineData("onLoad")]
    [InlineData("ONLOAD")]
    public void Svg_with_an_event_handler_on_the_root_is_refused_in_any_letter_case(string attribute)
    {
        var content = Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" {attribute}=\"alert(1)\"/>");
        var error = Assert.Throws<DomainException>(() => LogoImage.Inspect(content));
        Assert.Equal(("Logo.SvgActiveContent", attribute), (error.Code, (string)error.Arguments[0]));
    }

    [Fact]
    public void Svg_with_a_document_type_is_refused_so_entities_cannot_expand()
    {
        var content = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>" +
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><text>&b;</text></svg>");
        Assert.Equal("Logo.NotAnImage", Assert.Throws<DomainException>(() => LogoImage.Inspect(content)).Code);
    }

    [Fact]
    public void Logo_version_numbers_after_the_previous_one_and_keeps_only_the_file_name()
    {
        var png = TestPng.Create(300, 300);
        var version = LogoVersion.Upload(2, "../../tmp/logo-kqz.png", png, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal((3, "logo-kqz.png", "image/png"), (version.Version, version.FileName, version.ContentType));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), version.Sha256);
    }

    private static byte[] Svg(string body) =>
        Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 512 256\">{body}</svg>");
}
