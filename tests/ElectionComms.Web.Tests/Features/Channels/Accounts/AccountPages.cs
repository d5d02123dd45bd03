using System.Globalization;
using ElectionComms.Domain.Channels;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Channels.Accounts;

/// <summary>Small steps the account tests share: find an account, read its row version, post a decision.</summary>
internal static class AccountPages
{
    public static string Details(int id) => "/Channels/Accounts/Details/" + id.ToString(CultureInfo.InvariantCulture);

    public static Task<OfficialAccount> AccountAsync(this PortalFactory portal, string handle) =>
        portal.WithDbAsync(db => db.OfficialAccounts.AsNoTracking().SingleAsync(a => a.Handle == handle));

    public static Task<uint> VersionAsync(this PortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.OfficialAccounts.Where(a => a.Id == id).Select(a => EF.Property<uint>(a, "xmin")).SingleAsync());

    public static Task<int> AuditRowsAsync(this PortalFactory portal, int id)
    {
        var entityId = id.ToString(CultureInfo.InvariantCulture);
        return portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Entity == nameof(OfficialAccount) && e.EntityId == entityId));
    }

    public static async Task<HttpResponseMessage> DecideAsync(
        this PortalClient client, int id, string handler, uint version, string? reason = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Input.Version", version.ToString(CultureInfo.InvariantCulture)) };
        if (reason is not null)
        {
            fields.Add(new("Input.Reason", reason));
        }

        return await client.PostFormAsync(Details(id), fields, Details(id) + "?handler=" + handler);
    }
}
