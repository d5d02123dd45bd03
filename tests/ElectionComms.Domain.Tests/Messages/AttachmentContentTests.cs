using System.Text;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;

namespace ElectionComms.Domain.Tests.Messages;

public sealed class AttachmentContentTests
{
    [Fact]
    public void Pdf_is_recognised_by_its_signature()
    {
        Assert.Equal(AttachmentKind.Pdf, AttachmentContent.Detect("%PDF-1.7\n%âãÏÓ\n1 0 obj"u8));
    }

    [Fact]
    public void Png_is_recognised_by_its_signature()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        Assert.Equal(AttachmentKind.Png, AttachmentContent.Detect(png));
    }

    [Fact]
    public void Jpeg_is_recognised_by_its_signature()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
        Assert.Equal(AttachmentKind.Jpeg, AttachmentContent.Detect(jpeg));
    }

    [Theory]
    [InlineData("html_renamed_to_pdf", "<!DOCTYPE html><html><script>alert(1)</script></html>")]
    [InlineData("svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("pdf_signature_not_at_start", " %PDF-1.7")]
    [InlineData("lowercase_pdf", "%pdf-1.7")]
    [InlineData("text", "Vendimi nr. 253, datë 03.04.2023")]
    public void Text_formats_are_not_attachments_whatever_they_are_called(string name, string content)
    {
        Assert.True(AttachmentContent.Detect(Encoding.UTF8.GetBytes(content)) is null, name);
    }

    [Fact]
    public void Windows_program_renamed_to_pdf_is_not_an_attachment()
    {
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];
        Assert.Null(AttachmentContent.Detect(exe));
    }

    [Fact]
    public void Truncated_signatures_and_empty_content_are_not_attachments()
    {
        Assert.Null(AttachmentContent.Detect([]));
        Assert.Null(AttachmentContent.Detect("%PDF"u8));
        Assert.Null(AttachmentContent.Detect([0x89, 0x50, 0x4E, 0x47]));
        Assert.Null(AttachmentContent.Detect([0xFF, 0xD8]));
    }

    [Fact]
    public void Size_limit_is_ten_megabytes()
    {
        Assert.Equal(10_485_760, AttachmentContent.MaxBytes);
    }

    [Fact]
    public void Inspect_returns_the_kind_of_an_accepted_file()
    {
        Assert.Equal(AttachmentKind.Pdf, AttachmentContent.Inspect("%PDF-1.4 vendimi"u8));
    }

    [Fact]
    public void Inspect_refuses_an_empty_file()
    {
        Assert.Equal("Message.Attachment.Empty", Assert.Throws<DomainException>(() => AttachmentContent.Inspect([])).Code);
    }

    [Fact]
    public void Inspect_refuses_a_file_over_ten_megabytes_even_with_a_pdf_signature()
    {
        var content = new byte[AttachmentContent.MaxBytes + 1];
        "%PDF-1.7"u8.CopyTo(content);
        var error = Assert.Throws<DomainException>(() => AttachmentContent.Inspect(content));
        Assert.Equal("Message.Attachment.TooLarge", error.Code);
        Assert.Equal([10], error.Arguments);
    }

    [Fact]
    public void Inspect_refuses_html_renamed_to_pdf()
    {
        var html = Encoding.UTF8.GetBytes("<html><body onload=\"alert(1)\">vendimi.pdf</body></html>");
        Assert.Equal("Message.Attachment.Unsupported", Assert.Throws<DomainException>(() => AttachmentContent.Inspect(html)).Code);
    }
}
