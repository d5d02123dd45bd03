using System.Security.Cryptography;
using ElectionComms.Domain.MemberApp;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.MemberApp;

/// <summary>Who is using the app on this device: the device and the registry person it is bound to.</summary>
public sealed record AppMember(int DeviceId, int PersonId, int ElectionId, string FullName);

/// <summary>Why the app shows nothing on this device.</summary>
public enum NoAccess
{
    /// <summary>Never bound, or the cookie is gone: the member opens their personal invitation.</summary>
    NotBound,

    /// <summary>A clerk revoked the device (lost, replaced).</summary>
    Revoked,

    /// <summary>§11: the person's registry entry or mandate ended.</summary>
    Ended,
}

/// <summary>
/// The app's sign-in without passwords (issue 20): a device carries a random 32-byte key in an HttpOnly, Secure,
/// SameSite=Lax cookie limited to /app; the portal keeps the key's SHA-256 with the device. Every request looks the
/// device up again, so a revocation or an ended mandate (§11) takes effect at once.
/// </summary>
public sealed class MemberSession(AppDbContext db, IConfiguration configuration, TimeProvider clock)
{
    public const string CookieName = "ec_app";
    public const string CookiePath = "/app";

    /// <summary>The device key lives as long as a mandate might; a revoked device's key opens nothing.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(400);

    public async Task<(AppMember? Member, NoAccess Reason)> CurrentAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var key) || Hash(key) is not { } hash)
        {
            return (null, NoAccess.NotBound);
        }

        var today = PortalTime.Today(clock);
        var found = await (from d in db.AppDevices.AsNoTracking()
                           join p in db.People on d.PersonId equals p.Id
                           where d.KeyHash == hash
                           select new
                           {
                               Device = d,
                               p.ElectionId,
                               p.FullName,
                               Running = p.Status == PersonStatus.Active && p.MandateFrom <= today && (p.MandateTo == null || p.MandateTo >= today),
                           }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (null, NoAccess.NotBound);
        }

        if (found.Device.IsRevoked)
        {
            return (null, NoAccess.Revoked);
        }

        if (!found.Running)
        {
            return (null, NoAccess.Ended);
        }

        if (found.Device.Seen(clock.GetUtcNow()))
        {
            await db.AppDevices.Where(d => d.Id == found.Device.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.LastSeenAt, found.Device.LastSeenAt), cancellationToken);
        }

        return (new AppMember(found.Device.Id, found.Device.PersonId, found.ElectionId, found.FullName), NoAccess.NotBound);
    }

    /// <summary>A person's devices in use at once: a phone, a tablet, a computer. More is a sign the invitation travelled.</summary>
    public const int MaxDevicesPerPerson = 3;

    /// <summary>Binds this browser to the person of a valid ticket; false when the ticket was already used or the person has <see cref="MaxDevicesPerPerson"/> devices.</summary>
    public async Task<bool> BindAsync(HttpContext context, AppBindTickets.Ticket ticket, CancellationToken cancellationToken)
    {
        if (await db.AppDevices.CountAsync(d => d.PersonId == ticket.PersonId && d.RevokedAt == null, cancellationToken) >= MaxDevicesPerPerson)
        {
            return false;
        }

        var key = RandomNumberGenerator.GetBytes(32);
        var label = Label(context.Request.Headers.UserAgent.ToString());
        db.AppDevices.Add(AppDevice.Bind(ticket.PersonId, ticket.InvitationId, ticket.Nonce, SHA256.HashData(key), label, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // The ticket's nonce is taken (the same ticket posted twice): this browser is not bound.
            db.ChangeTracker.Clear();
            if (await db.AppDevices.AsNoTracking().AnyAsync(d => d.BindNonce == ticket.Nonce, cancellationToken))
            {
                return false;
            }

            throw;
        }

        context.Response.Cookies.Append(CookieName, Convert.ToBase64String(key), new CookieOptions
        {
            HttpOnly = true,

            // As the staff cookies (ADR 0008): Secure always, except for the demo and browser tests on plain loopback HTTP.
            Secure = configuration.GetValue("Security:CookieSecurePolicy", CookieSecurePolicy.Always) == CookieSecurePolicy.Always || context.Request.IsHttps,
            // Lax, not Strict: a member opening /app from a link in Telegram or an SMS must arrive signed in. Every
            // change the app makes is a POST with an antiforgery token.
            SameSite = SameSiteMode.Lax,
            Path = CookiePath,
            MaxAge = CookieLifetime,
            IsEssential = true,
        });
        return true;
    }

    private static byte[]? Hash(string key)
    {
        var bytes = new byte[32];
        return key.Length == 44 && Convert.TryFromBase64String(key, bytes, out var written) && written == 32 ? SHA256.HashData(bytes) : null;
    }

    /// <summary>"Android · Chrome": enough for a clerk to tell a member's devices apart, nothing that identifies more.</summary>
    private static string Label(string userAgent)
    {
        string Find(params (string Token, string Name)[] names) =>
            names.FirstOrDefault(n => userAgent.Contains(n.Token, StringComparison.OrdinalIgnoreCase)).Name ?? "?";
        var system = Find(("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"), ("Mac OS", "macOS"), ("Linux", "Linux"));
        var browser = Find(("Edg/", "Edge"), ("Firefox", "Firefox"), ("Chrome", "Chrome"), ("Safari", "Safari"));
        return $"{system} · {browser}";
    }
}
