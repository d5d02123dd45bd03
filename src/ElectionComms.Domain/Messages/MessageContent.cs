using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ElectionComms.Domain.Messages;

/// <summary>
/// Everything that will be sent, and nothing else: the approval is bound to <see cref="Hash"/>, so any change to
/// what reaches the groups changes the hash and voids the approval (§7).
/// </summary>
/// <remarks>
/// Canonical form (UTF-8, fields in this order, each line ending in a single LF):
/// <code>
/// ec-message/1
/// mode:test|live
/// send-at:yyyy-MM-ddTHH:mm:ssZ (UTC, whole seconds) or -
/// targets:group ids in ascending order, comma-separated, no spaces
/// attachment:lower-case hex SHA-256 of the file or -
/// ack:yes          (only when the message carries a "Konfirmo / Confirm" button; absent otherwise, so versions
///                   written before the button existed keep their hash)
/// text-sq:N:TEXT   (N = number of UTF-8 bytes of TEXT)
/// text-en:N:TEXT   or text-en:-
/// </code>
/// Texts are normalised before hashing and storing (Unicode NFC, CRLF and CR turned into LF, trailing white space
/// trimmed), so that the same words typed twice give the same hash. The length prefix makes the form unambiguous
/// whatever the texts contain. The hash is the lower-case hex SHA-256 of those bytes.
/// </remarks>
/// <param name="AsksAcknowledgement">The post carries a "Konfirmo / Confirm" button where the platform can (Telegram); members' presses are recorded (issue 14).</param>
public sealed record MessageContent(
    string TextSq, string? TextEn, string? AttachmentSha256, DateTimeOffset? SendAt, bool IsTest, IReadOnlyList<int> GroupIds, bool AsksAcknowledgement = false)
{
    public const string FormatVersion = "ec-message/1";

    /// <summary>
    /// What a group receives, as the preview shows it: the Albanian text, then the English one when there is one.
    /// Both are covered by the approved hash; nothing else is added.
    /// </summary>
    public string PublishedText => Published(TextSq, TextEn);

    /// <summary>The one rule for what a group receives: the Albanian text, a blank line, the English text.</summary>
    public static string Published(string textSq, string? textEn) => string.IsNullOrEmpty(textEn) ? textSq : textSq + "\n\n" + textEn;

    public string CanonicalForm()
    {
        var builder = new StringBuilder();
        builder.Append(FormatVersion).Append('\n');
        builder.Append("mode:").Append(IsTest ? "test" : "live").Append('\n');
        builder.Append("send-at:").Append(SendAt is { } at
            ? at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "-").Append('\n');
        builder.Append("targets:").Append(string.Join(',', GroupIds.Distinct().Order().Select(id => id.ToString(CultureInfo.InvariantCulture)))).Append('\n');
        builder.Append("attachment:").Append(AttachmentSha256?.ToLowerInvariant() ?? "-").Append('\n');
        if (AsksAcknowledgement)
        {
            builder.Append("ack:yes\n");
        }

        AppendText(builder, "text-sq", TextSq);
        if (TextEn is null)
        {
            builder.Append("text-en:-\n");
        }
        else
        {
            AppendText(builder, "text-en", TextEn);
        }

        return builder.ToString();
    }

    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalForm())));

    /// <summary>The one normalisation applied to message texts before they are stored and hashed.</summary>
    public static string NormaliseText(string? text) =>
        (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Normalize(NormalizationForm.FormC).TrimEnd();

    /// <summary>Send times are kept to whole seconds so the stored value and the hashed value can never differ.</summary>
    public static DateTimeOffset? NormaliseSendAt(DateTimeOffset? sendAt) =>
        sendAt is { } at ? new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : null;

    private static void AppendText(StringBuilder builder, string name, string text) =>
        builder.Append(name).Append(':').Append(Encoding.UTF8.GetByteCount(text).ToString(CultureInfo.InvariantCulture)).Append(':').Append(text).Append('\n');
}
