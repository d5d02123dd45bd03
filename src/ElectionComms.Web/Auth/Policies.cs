using ElectionComms.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;

namespace ElectionComms.Web.Auth;

public static class Policies
{
    public const string ManageStaff = nameof(ManageStaff);
    public const string ReadAudit = nameof(ReadAudit);
    public const string ReadAdministration = nameof(ReadAdministration);
    public const string ReadInventory = nameof(ReadInventory);
    public const string ReadAccounts = nameof(ReadAccounts);
    public const string ReadGroups = nameof(ReadGroups);
    public const string Logos = nameof(Logos);
    public const string TransmitGrants = nameof(TransmitGrants);
    public const string ReadRegistry = nameof(ReadRegistry);
    public const string Messages = nameof(Messages);
    public const string Invitations = nameof(Invitations);

    /// <summary>Roles that see at least some groups; which ones is decided per group by GroupAccess.</summary>
    public static readonly string[] GroupReaders =
    [
        StaffRole.SecretaryGeneral, StaffRole.Auditor, StaffRole.Director, StaffRole.CommunicationOfficer,
        StaffRole.Clerk, StaffRole.HelplineOperator,
    ];

    /// <summary>Roles that write, decide on or read messages (§7); which ones is decided per message by MessageAccess.</summary>
    public static readonly string[] MessageUsers =
    [
        StaffRole.SecretaryGeneral, StaffRole.Auditor, StaffRole.Director, StaffRole.CommunicationOfficer, StaffRole.HelplineOperator,
    ];

    public static void Register(AuthorizationOptions options)
    {
        // Every page needs a signed-in user unless it is named anonymous on purpose (login, public invitation).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(ManageStaff, p => p.RequireRole(StaffRole.SystemAdministrator));
        options.AddPolicy(ReadAudit, p => p.RequireRole(StaffRole.Auditor, StaffRole.SystemAdministrator, StaffRole.SecretaryGeneral));
        options.AddPolicy(ReadAdministration, p => p.RequireRole(StaffRole.All.ToArray()));
        options.AddPolicy(ReadInventory, p => p.RequireRole(StaffRole.SecretaryGeneral, StaffRole.Auditor));
        options.AddPolicy(ReadAccounts, p => p.RequireRole(StaffRole.SecretaryGeneral, StaffRole.Auditor, StaffRole.Director));
        options.AddPolicy(ReadGroups, p => p.RequireRole(GroupReaders));
        options.AddPolicy(Logos, p => p.RequireRole(StaffRole.SecretaryGeneral, StaffRole.Auditor, StaffRole.Director, StaffRole.Clerk));
        options.AddPolicy(TransmitGrants, p => p.RequireRole(StaffRole.SecretaryGeneral, StaffRole.Auditor, StaffRole.Director));
        options.AddPolicy(Messages, p => p.RequireRole(MessageUsers));
        options.AddPolicy(Invitations, p => p.RequireRole(StaffRole.Clerk, StaffRole.Director, StaffRole.SecretaryGeneral, StaffRole.Auditor));
        options.AddPolicy(ReadRegistry, p => p.RequireRole(StaffRole.Clerk, StaffRole.Director, StaffRole.SecretaryGeneral, StaffRole.Auditor));
    }
}
