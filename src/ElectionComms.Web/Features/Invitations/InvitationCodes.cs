using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ElectionComms.Web.Features.Invitations;

/// <summary>A fresh invitation code and the hash the database keeps instead of it.</summary>
public readonly record struct NewCode(string Code, byte[] Hash);

/// <summary>
/// Invitation codes are bearer secrets (ADR 0015): 16 bytes (128 bits) from the operating system's cryptographic
/// generator, written as 22 URL-safe Base64 characters; only their SHA-256 hash is stored, and a presented code is
/// compared with the stored hash in constant time.
/// </summary>
public static class InvitationCodes
{
    public const int SecretBytes = 16;
    public const int CodeLength = 22;

    public static NewCode Create()
    {
        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        var code = Base64Url.EncodeToString(secret);
        return new NewCode(code, Hash(code));
    }

    /// <summary>Whether the text has the shape of a code (22 URL-safe Base64 characters), before any lookup.</summary>
    public static bool IsWellFormed(string? code)
    {
        if (code is not { Length: CodeLength })
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[SecretBytes + 2];
        return Base64Url.IsValid(code) && Base64Url.TryDecodeFromChars(code, decoded, out var written) && written == SecretBytes;
    }

    public static byte[] Hash(string code) => SHA256.HashData(Encoding.ASCII.GetBytes(code));

    /// <summary>Constant-time comparison of a presented code with a stored hash.</summary>
    public static bool Matches(string code, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(code), storedHash);
}
