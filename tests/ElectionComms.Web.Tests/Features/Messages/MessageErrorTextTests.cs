using System.Globalization;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;
using ElectionComms.Web.Localisation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ElectionComms.Web.Tests.Features.Messages;

/// <summary>Every rule the messaging pieces can break reads as a sentence in both languages, never as "unknown error".</summary>
public sealed class MessageErrorTextTests
{
    public static TheoryData<string, bool> BrokenMessages => new()
    {
        { "   ", false },
        { "Zile\u0007", false },
        { "*Kujdes", false },
        { "*a _b* c_", false },
        { "*a *b* c*", false },
        { "Shiko ** këtu", false },
        { new string('ë', 4097), false },
        { new string('ç', 1025), true },
    };

    [Theory]
    [MemberData(nameof(BrokenMessages))]
    public void Broken_message_is_described_in_albanian_and_english(string text, bool hasAttachment)
    {
        var error = Assert.Throws<DomainException>(() => MessageFormatting.Validate(text, hasAttachment));
        AssertDescribed(error);
    }

    [Fact]
    public void Refused_attachments_are_described_in_albanian_and_english()
    {
        AssertDescribed(Assert.Throws<DomainException>(() => AttachmentContent.Inspect([])));
        AssertDescribed(Assert.Throws<DomainException>(() => AttachmentContent.Inspect(new byte[AttachmentContent.MaxBytes + 1])));
        AssertDescribed(Assert.Throws<DomainException>(() => AttachmentContent.Inspect("<html>"u8)));
    }

    private static void AssertDescribed(DomainException error)
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }),
            NullLoggerFactory.Instance);
        var errors = new DomainErrors(new StringLocalizer<Strings>(factory));
        foreach (var culture in new[] { Cultures.Albanian, Cultures.English })
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
            try
            {
                var text = errors.Describe(error);
                Assert.DoesNotContain("Error.", text, StringComparison.Ordinal);
                Assert.DoesNotContain(error.Code, text, StringComparison.Ordinal);
                Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            }
            finally
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = previous;
            }
        }
    }
}
