using ElectionComms.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;

namespace ElectionComms.Web.Auth;

public static class Policies
{
    public const string ManageStaff = nameof(ManageStaff);
    public const string ReadAudit = nameof(ReadAudit);
    public const string ReadAdministration = nameof(ReadAdministration);

    public static void Register(AuthorizationOptions options)
    {
        // Every page needs a signed-in user unless it is named anonymous on purpose (login, public invitation).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(ManageStaff, p => p.RequireRole(StaffRole.SystemAdministrator));
        options.AddPolicy(ReadAudit, p => p.RequireRole(StaffRole.Auditor, StaffRole.SystemAdministrator, StaffRole.SecretaryGeneral));
        options.AddPolicy(ReadAdministration, p => p.RequireRole(StaffRole.All.ToArray()));
    }
}
