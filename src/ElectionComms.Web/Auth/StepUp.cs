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
public sealed class StepUp(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<DateTimeOffset?> LastVerifiedAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await LastVerified(userId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The same as a query, for a page that reads it in the statement that loads the page.</summary>
    public IQueryable<DateTimeOffset?> LastVerified(Guid userId) =>
        db.StepUpVerifications.Where(s => s.UserId == userId).Select(s => (DateTimeOffset?)s.VerifiedAt);

    /// <returns>True when the code was right and the time is recorded.</returns>
    public async Task<bool> VerifyAsync(Guid userId, string code, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !user.TwoFactorEnabled || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        var cleaned = code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            await users.AccessFailedAsync(user);
            return false;
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
        return true;
    }
}
