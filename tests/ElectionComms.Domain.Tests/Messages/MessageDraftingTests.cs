using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;

namespace ElectionComms.Domain.Tests.Messages;

public sealed class MessageDraftingTests
{
    private readonly MessageWorld world = new();

    private string Refusal(MessageDraft draft, params TargetGroup[] targets) =>
        Assert.Throws<DomainException>(() => Message.Draft(world.Officer, draft, targets, MessageWorld.Now)).Code;

    private static MessageDraft Live(string text = "Njoftim") => new(text, null, null, null, false);

    [Fact]
    public void Message_without_groups_is_refused() => Assert.Equal("Message.TargetsRequired", Refusal(Live()));

    [Fact]
    public void Message_without_Albanian_text_is_refused() => Assert.Equal("Message.TextRequired", Refusal(Live("  \r\n "), world.Kzaz1));

    [Fact]
    public void Text_longer_than_the_platform_limit_is_refused() =>
        Assert.Equal("Message.TextTooLong", Refusal(Live(new string('a', Message.TextMaxLength + 1)), world.Kzaz1));

    [Fact]
    public void Group_the_author_is_not_assigned_to_is_refused() =>
        Assert.Equal("Message.TargetNotAssigned", Refusal(Live(), world.Kzaz1 with { AuthorMayTransmit = false }));

    [Fact]
    public void Inactive_group_is_refused() =>
        Assert.Equal("Message.TargetInactive", Refusal(Live(), world.Kzaz1 with { IsActive = false }));

    [Fact]
    public void Test_message_to_a_live_group_is_refused() =>
        Assert.Equal("Message.TestToLiveGroup", Refusal(new MessageDraft("Provë", null, null, null, true), world.Kzaz1));

    [Fact]
    public void Live_message_to_a_test_group_is_refused() =>
        Assert.Equal("Message.LiveToTestGroup", Refusal(Live(), world.Kzaz1, world.TestGroup));

    [Fact]
    public void Test_message_to_a_test_group_is_drafted_as_test()
    {
        var message = Message.Draft(world.Officer, new MessageDraft("Provë", null, null, null, true), [world.TestGroup], MessageWorld.Now);

        Assert.True(message.IsTest);
        Assert.Contains("mode:test", message.CurrentVersion.Content.CanonicalForm(), StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_of_several_directorates_are_refused_at_drafting()
    {
        var exception = Assert.Throws<DomainException>(() => Message.Draft(world.Officer, Live(), [world.Kzaz1, world.OtherDirectorate], MessageWorld.Now));

        Assert.Equal("Message.SeveralDirectorates", exception.Code);
        Assert.Equal(2, exception.Arguments[0]);
    }

    [Fact]
    public void Attachment_is_typed_by_its_content_not_its_name()
    {
        var pdf = MessageAttachment.Upload("udhezimi.pdf", "%PDF-1.7\n1 0 obj\n"u8.ToArray(), world.Officer.Id, MessageWorld.Now);
        Assert.Equal(AttachmentKind.Pdf, pdf.Kind);
        Assert.Equal(64, pdf.Sha256.Length);

        var renamed = Assert.Throws<DomainException>(() => MessageAttachment.Upload("foto.png", "MZ\x90\x00 not an image"u8.ToArray(), world.Officer.Id, MessageWorld.Now));
        Assert.Equal("Message.AttachmentType", renamed.Code);
    }

    [Fact]
    public void Attachment_over_the_size_limit_is_refused()
    {
        var big = new byte[AttachmentContent.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);

        Assert.Equal("Message.AttachmentTooLarge", Assert.Throws<DomainException>(() => MessageAttachment.Upload("x.pdf", big, world.Officer.Id, MessageWorld.Now)).Code);
    }

    [Fact]
    public void Attachment_hash_is_part_of_the_content_hash()
    {
        var pdf = MessageAttachment.Upload("a.pdf", "%PDF-1.7 a"u8.ToArray(), world.Officer.Id, MessageWorld.Now);
        var without = world.Draft();
        var with = Message.Draft(world.Officer, new MessageDraft(without.CurrentVersion.TextSq, null, pdf, null, false), [world.Kzaz1], MessageWorld.Now);

        Assert.NotEqual(without.CurrentContentHash, with.CurrentContentHash);
        Assert.Equal(pdf.Id, with.CurrentVersion.AttachmentId);
    }
}
