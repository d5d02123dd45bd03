using Microsoft.AspNetCore.Identity;

namespace ElectionComms.Web.Auth;

/// <summary>
/// The sign-in account. Its id is the <see cref="Domain.Organisation.StaffMember"/> id, so the staff record
/// (rank, directorate, superior) and the account never drift apart.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    /// <summary>Set when an administrator creates the account or resets the password.</summary>
    public bool MustChangePassword { get; set; }
}
