using System.Net;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Admin.Staff;

[Collection(PortalCollection.Name)]
public sealed class CreateTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Url = "/Admin/Staff/Create";
    private const string NewEmail = "drejtor.ri@kqz.gov.al";
    private const string FirstPassword = "Fillim-Sigurt-2026!";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task New_director_must_change_the_first_password_and_then_set_up_two_factor()
    {
        using var admin = await AdminAsync();
        var created = await admin.PostFormAsync(Url, await FieldsAsync());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await portal.StaffIdAsync(NewEmail);
        Assert.EndsWith($"/Admin/Staff/Edit/{id}", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("U krijua llogaria për Drita Gjoka.", await admin.GetHtmlAsync($"/Admin/Staff/Edit/{id}"), StringComparison.Ordinal);

        using var person = portal.CreatePortalClient();
        var login = await person.PostFormAsync("/Account/Login", ("Input.Email", NewEmail), ("Input.Password", FirstPassword));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var held = await person.GetAsync("/");
        Assert.EndsWith(AccountSetupGate.ChangePasswordPath, held.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var changed = await person.PostFormAsync(AccountSetupGate.ChangePasswordPath,
            ("Input.CurrentPassword", FirstPassword), ("Input.NewPassword", "Fjalekalimi-Im-2026!"), ("Input.ConfirmPassword", "Fjalekalimi-Im-2026!"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var next = await person.GetAsync("/");
        Assert.EndsWith(AccountSetupGate.SetupAuthenticatorPath, next.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creation_writes_staff_account_and_role_with_the_administrator_as_actor()
    {
        using var admin = await AdminAsync();
        var adminId = await portal.StaffIdAsync(DemoAccounts.SystemAdministrator.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Url, await FieldsAsync())).StatusCode);

        var id = await portal.StaffIdAsync(NewEmail);
        var staff = await portal.WithDbAsync(db => db.Staff.SingleAsync(s => s.Id == id));
        var secretaryGeneral = await portal.StaffIdAsync(DemoAccounts.SecretaryGeneral.Email);
        Assert.Equal(("Drita Gjoka", "Drejtore e Trajnimit", Rank.Director, secretaryGeneral), (staff.FullName, staff.Position, staff.Rank, staff.SuperiorId!.Value));
        Assert.True((await portal.UserAsync(NewEmail)).MustChangePassword);
        Assert.Equal(StaffRole.Director, await portal.RoleOfAsync(NewEmail));

        var actions = (await portal.AuditRowsByActorAsync(adminId)).Select(a => a.Action).ToList();
        Assert.Contains("StaffMember.Created", actions);
        Assert.Contains("AppUser.Created", actions);
        Assert.Contains("IdentityUserRole.Created", actions);
        var staffRow = (await portal.AuditRowsAsync("StaffMember", id.ToString())).Single();
        Assert.Equal(DemoAccounts.SystemAdministrator.Email, staffRow.ActorName);
    }

    [Fact]
    public async Task Superior_of_lower_rank_is_refused_in_Albanian_and_nothing_is_saved()
    {
        using var admin = await AdminAsync();
        var clerk = await portal.StaffIdAsync(DemoAccounts.Clerk.Email);
        var fields = await FieldsAsync(rank: "HeadOfSector", role: StaffRole.Clerk, superior: clerk);

        var html = AdminPages.Text(await (await admin.PostFormAsync(Url, fields)).ReadAsync());

        Assert.Contains("Eprori duhet të ketë gradë më të lartë: Ilir Shehu ka gradën „Specialist”, ndërsa vartësi ka „Përgjegjës sektori”.", html, StringComparison.Ordinal);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Role_that_needs_a_higher_rank_is_refused_and_nothing_is_saved()
    {
        using var admin = await AdminAsync();
        var html = AdminPages.Text(await (await admin.PostFormAsync(Url, await FieldsAsync(rank: "HeadOfSector"))).ReadAsync());

        Assert.Contains("Roli „Drejtor” kërkon të paktën gradën „Drejtor”.", html, StringComparison.Ordinal);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Email_of_an_existing_account_is_refused_once_and_nothing_is_saved()
    {
        using var admin = await AdminAsync();
        var before = await portal.WithDbAsync(db => db.Staff.CountAsync());
        var fields = await FieldsAsync(email: DemoAccounts.Clerk.Email, rank: "Specialist", role: StaffRole.Clerk);

        var html = AdminPages.Text(await (await admin.PostFormAsync(Url, fields)).ReadAsync());

        const string message = "Ekziston tashmë një llogari me e-mailin nepunes.regjistri@kqz.gov.al.";
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, System.Text.RegularExpressions.Regex.Escape(message)));
        Assert.Equal(before, await portal.WithDbAsync(db => db.Staff.CountAsync()));
    }

    [Fact]
    public async Task Weak_password_is_refused_with_the_policy_and_nothing_is_saved()
    {
        using var admin = await AdminAsync();
        var html = AdminPages.Text(await (await admin.PostFormAsync(Url, await FieldsAsync(password: "fjalekalim12"))).ReadAsync());

        Assert.Contains("Fjalëkalimi duhet të ketë të paktën një shkronjë të madhe.", html, StringComparison.Ordinal);
        Assert.Contains("Fjalëkalimi duhet të ketë të paktën një simbol", html, StringComparison.Ordinal);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Missing_name_and_directorate_are_reported_per_field()
    {
        using var admin = await AdminAsync();
        var fields = (await FieldsAsync()).Where(f => f.Key is not ("Input.FullName" or "Input.DirectorateId"));

        var html = AdminPages.Text(await (await admin.PostFormAsync(Url, fields)).ReadAsync());

        Assert.Contains("Fusha „Emri i plotë” është e detyrueshme.", html, StringComparison.Ordinal);
        Assert.Contains("Fusha „Drejtoria” është e detyrueshme.", html, StringComparison.Ordinal);
        await AssertNothingSavedAsync();
    }

    private async Task<PortalClient> AdminAsync()
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.SystemAdministrator);
        return client;
    }

    private async Task<List<KeyValuePair<string, string>>> FieldsAsync(
        string email = NewEmail, string rank = "Director", string role = StaffRole.Director, Guid? superior = null, string password = FirstPassword)
    {
        var directorate = await portal.WithDbAsync(db => db.Directorates.Where(d => d.Code == "DTE").Select(d => d.Id).SingleAsync());
        superior ??= await portal.StaffIdAsync(DemoAccounts.SecretaryGeneral.Email);
        return
        [
            new("Input.FullName", "Drita Gjoka"),
            new("Input.Email", email),
            new("Input.Position", "Drejtore e Trajnimit"),
            new("Input.Rank", rank),
            new("Input.Role", role),
            new("Input.DirectorateId", directorate.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.SuperiorId", superior.Value.ToString()),
            new("Input.Password", password),
        ];
    }

    private async Task AssertNothingSavedAsync()
    {
        Assert.False(await portal.WithDbAsync(db => db.Staff.AnyAsync(s => s.Email == NewEmail)));
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == NewEmail.ToUpperInvariant())));
        Assert.False(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Details.Contains("drejtor.ri"))));
    }
}
