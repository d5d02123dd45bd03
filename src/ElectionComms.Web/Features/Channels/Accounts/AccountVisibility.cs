using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;

namespace ElectionComms.Web.Features.Channels.Accounts;

/// <summary>
/// Which official accounts a person sees: the Secretary General and auditors all of them, a director those of
/// their own directorate (§5a: a directorate requests its accounts). Shared by the list and the detail page.
/// </summary>
public static class AccountVisibility
{
    public static IQueryable<OfficialAccount> Visible(this AppDbContext db, CurrentStaff user) => user.Role switch
    {
        StaffRole.SecretaryGeneral or StaffRole.Auditor => db.OfficialAccounts,
        StaffRole.Director => db.OfficialAccounts.Where(a => a.DirectorateId == user.DirectorateId),
        _ => db.OfficialAccounts.Where(_ => false),
    };
}
