using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Auth;

/// <summary>When a user last re-entered a second-factor code. Kept on the server, not in the cookie, so that a
/// copied cookie cannot carry a fresh step-up and a cookie refresh cannot lose it.</summary>
public sealed class StepUpVerification
{
    public Guid UserId { get; set; }

    public DateTimeOffset VerifiedAt { get; set; }
}

/// <summary>Step-up: a director re-enters an authenticator code shortly before approving a message (§7).</summary>
public sealed class StepUp(AppDbContext db, UserManager<AppUser> users, OneTimeCodes codes, TimeProvider clock)
{
    public async Task<DateTimeOffset?> LastVerifiedAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await LastVerified(userId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The same as a query, for a page that reads it in the statement that loads the page.</summary>
    public IQueryable<DateTimeOffset?> LastVerified(Guid userId) =>
        db.StepUpVerifications.Where(s => s.UserId == userId).Select(s => (DateTimeOffset?)s.VerifiedAt);

    /// <returns>Accepted when the code was right and not used before (<see cref="OneTimeCodes"/>); the time is then recorded.</returns>
    public async Task<CodeCheck> VerifyAsync(Guid userId, string code, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !user.TwoFactorEnabled || await users.IsLockedOutAsync(user))
        {
            return CodeCheck.Wrong;
        }

        var cleaned = OneTimeCodes.Clean(code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            await users.AccessFailedAsync(user);
            return await codes.IsSpentAsync(cleaned, users, user) ? CodeCheck.AlreadyUsed : CodeCheck.Wrong;
        }

        var now = clock.GetUtcNow();
        var record = await db.StepUpVerifications.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (record is null)
        {
            db.StepUpVerifications.Add(new StepUpVerification { UserId = userId, VerifiedAt = now });
        }
        else
        {
            record.VerifiedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return CodeCheck.Accepted;
    }
}

/// <summary>What became of an authenticator code: a code used once is refused with its own message (ADR 0019).</summary>
public enum CodeCheck
{
    Accepted,
    Wrong,
    AlreadyUsed,
}
