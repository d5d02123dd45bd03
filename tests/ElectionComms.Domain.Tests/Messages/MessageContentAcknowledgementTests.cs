using ElectionComms.Domain.Messages;

namespace ElectionComms.Domain.Tests.Messages;

/// <summary>Issue 14 item 6: the "Konfirmo / Confirm" button is part of what is approved; versions without it keep their hash.</summary>
public sealed class MessageContentAcknowledgementTests
{
    private static readonly MessageContent Plain = new("Njoftim.", null, null, null, false, [3, 1]);

    [Fact]
    public void The_button_changes_the_hash_so_an_approval_without_it_does_not_cover_it()
    {
        var withButton = Plain with { AsksAcknowledgement = true };

        Assert.NotEqual(Plain.Hash(), withButton.Hash());
        Assert.Contains("\nack:yes\n", withButton.CanonicalForm(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_without_the_button_has_the_form_it_had_before_the_button_existed() =>
        Assert.Equal(
            "ec-message/1\nmode:live\nsend-at:-\ntargets:1,3\nattachment:-\ntext-sq:8:Njoftim.\ntext-en:-\n",
            Plain.CanonicalForm());
}
