using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Features.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ElectionComms.Web.Setup;

internal static class AuthorizationSetup
{
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorization(options =>
        {
            Policies.Register(options);
            options.AddPolicy(RegistryRights.ChangePolicy, p => p.RequireRole(RegistryRights.ChangeRoles));
        });
        services.AddScoped<GroupAccess>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<IAuthorizationHandler, GroupAuthorizationHandler>();

        // Registered once for every page: a read-only role (the Auditor) posts nothing but its own account (ADR 0020).
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add<ReadOnlyRoleFilter>());
        return services;
    }

    /// <summary>Folder policies by role, and the few pages that are anonymous on purpose, each named here.</summary>
    public static void AddPortalConventions(this PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Admin/Staff", Policies.ManageStaff);
        conventions.AuthorizeFolder("/Admin/Audit", Policies.ReadAudit);
        conventions.AuthorizeFolder("/Administration", Policies.ReadAdministration);
        conventions.AuthorizeFolder("/Channels/Inventory", Policies.ReadInventory);
        conventions.AuthorizeFolder("/Channels/Accounts", Policies.ReadAccounts);
        conventions.AuthorizeFolder("/Channels/Groups", Policies.ReadGroups);
        conventions.AuthorizeFolder("/Channels/Logos", Policies.Logos);
        conventions.AuthorizeFolder("/Channels/Grants", Policies.TransmitGrants);
        conventions.AuthorizeFolder("/Registry", Policies.ReadRegistry);
        conventions.AuthorizePage("/Registry/Import", RegistryRights.ChangePolicy);
        conventions.AuthorizeFolder("/Messages", Policies.Messages);

        // Posting by hand (§4 c) is the work of the people who relay messages to groups.
        conventions.AuthorizeFolder("/Publishing", Policies.Messages);
        conventions.AuthorizeFolder("/Invitations", Policies.Invitations);
        conventions.AllowAnonymousToPage("/Account/Login");
        conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
        conventions.AllowAnonymousToPage("/Account/LoginWithRecoveryCode");
        conventions.AllowAnonymousToPage("/Account/AccessDenied");
        conventions.AllowAnonymousToPage("/Language");
        conventions.AllowAnonymousToPage("/Invitations/Public/Index");
        conventions.AllowAnonymousToPage("/Invitations/Public/Logo");
        conventions.AllowAnonymousToFolder("/Error");

        // The KQZ app's member pages (issue 20): members have no staff account; the device's own key admits them
        // (MemberSession). The clerk's device pages stay in the registry's policy.
        conventions.AllowAnonymousToFolder("/MemberApp/Member");
        conventions.AuthorizeFolder("/MemberApp/Devices", Features.Registry.RegistryRights.ChangePolicy);
    }
}
