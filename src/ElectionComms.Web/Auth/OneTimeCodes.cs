using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Auth;

/// <summary>The last authenticator time-step a user's code was accepted for (ADR 0019). The step, never the code.</summary>
public sealed class SpentAuthenticatorStep
{
    public Guid UserId { get; set; }

    public long LastStep { get; set; }
}

/// <summary>
/// The one home of authenticator codes, for sign-in, step-up (§7) and linking an authenticator: Identity's
/// authenticator token provider, so <c>TwoFactorAuthenticatorSignInAsync</c> and <c>VerifyTwoFactorTokenAsync</c>
/// both come here. A code is RFC 6238 (HMAC-SHA1, 30-second steps, six digits) and, as in Identity, accepted two
/// steps either side of now; unlike Identity, it is accepted once: the step it matched must be later than the last
/// step accepted for the user, which is recorded in the database so that several instances agree (ADR 0019).
/// </summary>
public sealed class OneTimeCodes(AppDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const int StepSeconds = 30;
    private const int StepsEitherSide = 2;

    /// <summary>Codes are typed with spaces or a dash in the middle ("123 456") as the authenticator app shows them.</summary>
    public static string Clean(string code) =>
        code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    /// <summary>The authenticator app makes the codes; the portal never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>True when the code is right and its step had not been accepted before; the step is then spent.</summary>
    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        if (await MatchingStepAsync(token, manager, user) is not { } step)
        {
            return false;
        }

        // One conditional statement: of two requests presenting the same code at once, only one moves the step on.
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO spent_authenticator_steps (user_id, last_step) VALUES ({user.Id}, {step})
            ON CONFLICT (user_id) DO UPDATE SET last_step = excluded.last_step
            WHERE spent_authenticator_steps.last_step < excluded.last_step
            """);
        return claimed == 1;
    }

    /// <summary>After a refusal: whether the code was right but already used, to say so rather than "wrong code".</summary>
    public async Task<bool> IsSpentAsync(string code, UserManager<AppUser> manager, AppUser user)
    {
        if (await MatchingStepAsync(Clean(code), manager, user) is not { } step)
        {
            return false;
        }

        var last = await db.SpentAuthenticatorSteps.Where(s => s.UserId == user.Id).Select(s => (long?)s.LastStep).SingleOrDefaultAsync();
        return step <= last;
    }

    private async Task<long?> MatchingStepAsync(string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return null;
        }

        var secret = Base32Decode(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;

        // Latest first: a code that matches two steps (one in a million) spends the later one.
        for (var step = now + StepsEitherSide; step >= now - StepsEitherSide; step--)
        {
            if (Code(secret, step) == code)
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>RFC 4226's HOTP of the step: dynamic truncation of HMAC-SHA1, six digits.</summary>
    internal static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    /// <summary>RFC 4648 base32 as Identity writes authenticator keys (A–Z, 2–7, no padding).</summary>
    internal static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator key is not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
