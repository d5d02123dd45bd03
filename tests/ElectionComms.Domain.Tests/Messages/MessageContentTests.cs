using ElectionComms.Domain.Messages;

namespace ElectionComms.Domain.Tests.Messages;

/// <summary>The canonical form is a contract: the approval binds to its hash, so it is pinned here byte for byte.</summary>
public sealed class MessageContentTests
{
    private static readonly DateTimeOffset SendAt = new(2026, 12, 1, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Canonical_form_lists_every_sent_field_in_a_fixed_order()
    {
        // 23 characters, 25 UTF-8 bytes: each ë takes two.
        var content = new MessageContent("Mbledhja në orën 10:00.", "Meeting at 10:00.", new string('a', 64), SendAt, false, [12, 3]);

        Assert.Equal(
            "ec-message/1\nmode:live\nsend-at:2026-12-01T08:30:00Z\ntargets:3,12\nattachment:" + new string('a', 64) +
            "\ntext-sq:25:Mbledhja në orën 10:00.\ntext-en:17:Meeting at 10:00.\n",
            content.CanonicalForm());
    }

    [Fact]
    public void Hash_is_the_sha256_of_the_canonical_form()
    {
        var content = new MessageContent("a", null, null, null, true, [1]);

        Assert.Equal("ec-message/1\nmode:test\nsend-at:-\ntargets:1\nattachment:-\ntext-sq:1:a\ntext-en:-\n", content.CanonicalForm());
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content.CanonicalForm()))),
            content.Hash());
    }

    [Fact]
    public void Group_order_does_not_change_the_hash_but_every_field_does()
    {
        var baseline = new MessageContent("Tekst", null, null, SendAt, false, [1, 2]);

        Assert.Equal(baseline.Hash(), (baseline with { GroupIds = [2, 1] }).Hash());
        Assert.NotEqual(baseline.Hash(), (baseline with { TextSq = "Tekst." }).Hash());
        Assert.NotEqual(baseline.Hash(), (baseline with { TextEn = "Text" }).Hash());
        Assert.NotEqual(baseline.Hash(), (baseline with { IsTest = true }).Hash());
        Assert.NotEqual(baseline.Hash(), (baseline with { SendAt = SendAt.AddMinutes(1) }).Hash());
        Assert.NotEqual(baseline.Hash(), (baseline with { GroupIds = [1, 2, 3] }).Hash());
        Assert.NotEqual(baseline.Hash(), (baseline with { AttachmentSha256 = new string('b', 64) }).Hash());
    }

    [Fact]
    public void Length_prefix_keeps_texts_from_running_into_each_other()
    {
        var one = new MessageContent("a\ntext-en:1:b", null, null, null, false, [1]);
        var two = new MessageContent("a", "b", null, null, false, [1]);

        Assert.NotEqual(one.Hash(), two.Hash());
    }

    [Fact]
    public void Text_is_normalised_to_NFC_with_LF_line_ends()
    {
        var decomposed = "Tek\u0065\u0308st\r\nrreshti 2  ";

        Assert.Equal("Tek\u00ebst\nrreshti 2", MessageContent.NormaliseText(decomposed));
    }
}
