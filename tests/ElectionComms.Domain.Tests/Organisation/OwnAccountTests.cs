using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Tests.Organisation;

public sealed class OwnAccountTests
{
    private static readonly Guid Admin = Guid.NewGuid();
    private static readonly Guid Someone = Guid.NewGuid();

    [Fact]
    public void Administrator_deactivating_themselves_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => OwnAccount.EnsureMayDeactivate(Admin, Admin));
        Assert.Equal("Staff.CannotDeactivateSelf", error.Code);
    }

    [Fact]
    public void Administrator_deactivating_someone_else_is_allowed()
    {
        OwnAccount.EnsureMayDeactivate(Admin, Someone);
    }

    [Fact]
    public void Administrator_giving_up_their_own_administrator_role_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            OwnAccount.EnsureMayChangeRole(Admin, Admin, StaffRole.SystemAdministrator, StaffRole.Clerk));
        Assert.Equal("Staff.CannotLeaveOwnAdministratorRole", error.Code);
    }

    [Fact]
    public void Administrator_keeping_their_role_or_changing_another_administrator_is_allowed()
    {
        OwnAccount.EnsureMayChangeRole(Admin, Admin, StaffRole.SystemAdministrator, StaffRole.SystemAdministrator);
        OwnAccount.EnsureMayChangeRole(Admin, Someone, StaffRole.SystemAdministrator, StaffRole.Clerk);
    }
}
