using System.Net;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Audit;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Admin;

/// <summary>Look-ups and assertions that the staff and audit page tests share.</summary>
internal static class AdminPages
{
    public static Task<Guid> StaffIdAsync(this PortalFactory portal, string email) =>
        portal.WithDbAsync(db => db.Staff.Where(s => s.Email == email).Select(s => s.Id).SingleAsync());

    public static Task<uint> StaffVersionAsync(this PortalFactory portal, Guid id) =>
        portal.WithDbAsync(db => db.Staff.Where(s => s.Id == id).Select(s => EF.Property<uint>(s, "xmin")).SingleAsync());

    public static Task<List<AuditEntry>> AuditRowsAsync(this PortalFactory portal, string entity, string entityId) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == entity && a.EntityId == entityId)
            .OrderBy(a => a.Id)
            .ToListAsync());

    public static Task<List<AuditEntry>> AuditRowsByActorAsync(this PortalFactory portal, Guid actorId) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ActorId == actorId).OrderBy(a => a.Id).ToListAsync());

    public static Task<string?> RoleOfAsync(this PortalFactory portal, string email) =>
        portal.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
            return (await users.GetRolesAsync(user)).SingleOrDefault();
        });

    public static Task<AppUser> UserAsync(this PortalFactory portal, string email) =>
        portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    /// <summary>A page the role may not open: 403, or the cookie handler's redirect to the access-denied page.</summary>
    public static void AssertRefused(HttpResponseMessage response, string what)
    {
        var refused = response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal));
        Assert.True(refused, $"{what} answered {(int)response.StatusCode} {response.Headers.Location}");
    }

    public static async Task<string> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return body;
    }

    /// <summary>Form content is HTML-encoded in the page; compare with the decoded text.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);
}
