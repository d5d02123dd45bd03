using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ElectionComms.Web.Common;

/// <summary>
/// The hand-over from the invitation gate (§5b, §5c) to the KQZ app (issue 20): once the gate has let a personal
/// invitation's number through, it gives the browser a ticket naming the person and the invitation, protected with
/// the portal's keys and good for <see cref="Lifetime"/>; the app binds the device on it. The ticket travels in a
/// form post, never in a URL, and its nonce is kept with the device, so it binds one device only.
/// </summary>
public sealed class AppBindTickets(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string Purpose = "ElectionComms.MemberApp.BindTicket.v1";

    public sealed record Ticket(int PersonId, int InvitationId, string Nonce);

    public string Issue(int personId, int invitationId)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var payload = string.Create(CultureInfo.InvariantCulture, $"{personId}:{invitationId}:{nonce}");
        return Protector().Protect(payload, clock.GetUtcNow() + Lifetime);
    }

    /// <returns>Null for a ticket that is forged, damaged, or older than its lifetime.</returns>
    public Ticket? Read(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 2_000)
        {
            return null;
        }

        try
        {
            var parts = Protector().Unprotect(ticket, out var expires).Split(':');
            return expires > clock.GetUtcNow() && parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var person)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var invitation)
                ? new Ticket(person, invitation, parts[2])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector() => protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
