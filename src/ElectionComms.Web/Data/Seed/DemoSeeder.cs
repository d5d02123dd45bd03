using ElectionComms.Domain.Administration;
using ElectionComms.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Data.Seed;

/// <summary>Loads the demo accounts and one election's administration into an empty database.</summary>
public sealed class DemoSeeder(AppDbContext db, StaffAccounts accounts, UserManager<AppUser> users, ChannelsSeeder channels, PeopleSeeder people, MessagesSeeder messages, ILogger<DemoSeeder> logger)
{
    /// <summary>The authenticator-key token name used by ASP.NET Core Identity's user store.</summary>
    private const string AuthenticatorStore = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    public async Task SeedIfEmptyAsync(DemoScale scale, CancellationToken cancellationToken = default)
    {
        if (await db.Staff.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Demo data already present; keeping it");
            return;
        }

        await SeedAccountsAsync(cancellationToken);
        var electionId = await SeedElectionAsync(scale, cancellationToken);
        await channels.SeedAsync(electionId, cancellationToken);
        await people.SeedAsync(electionId, cancellationToken);
        await messages.SeedAsync(scale, cancellationToken);
        logger.LogInformation("Demo data loaded at {Scale} scale", scale.Name);
    }

    public async Task SeedAccountsAsync(CancellationToken cancellationToken = default)
    {
        var directorates = await db.Directorates.ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
        var ids = new Dictionary<string, Guid>();
        foreach (var account in DemoAccounts.All)
        {
            var superior = account.SuperiorEmail is null ? (Guid?)null : ids[account.SuperiorEmail];
            var (id, errors) = await accounts.CreateAsync(
                new NewStaffAccount(account.FullName, account.Email, null, account.Rank, directorates[account.DirectorateCode], superior, account.Role),
                DemoAccounts.Password,
                mustChangePassword: false,
                cancellationToken);
            if (id is null)
            {
                throw new InvalidOperationException("Demo account not created: " + string.Join("; ", errors.Select(e => e.Description)));
            }

            ids[account.Email] = id.Value;
            if (account.TotpSecret is not null)
            {
                var user = await users.FindByIdAsync(id.Value.ToString()) ?? throw new InvalidOperationException("Demo account vanished");
                await users.SetAuthenticationTokenAsync(user, AuthenticatorStore, AuthenticatorKeyName, account.TotpSecret);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
        }
    }

    public async Task<int> SeedElectionAsync(DemoScale scale, CancellationToken cancellationToken = default)
    {
        var past = Election.Plan("Zgjedhjet për Kuvendin 2025", ElectionKind.Parliamentary, new DateOnly(2025, 5, 11));
        var election = Election.Plan("Zgjedhjet për Organet e Qeverisjes Vendore 2027", ElectionKind.Local, new DateOnly(2027, 5, 16));
        election.Activate();
        db.Elections.AddRange(past, election);
        await db.SaveChangesAsync(cancellationToken);

        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Name, m => m.Id, cancellationToken);
        var plans = AdministrationGenerator.Generate(scale);
        var zones = plans.Select(p => (Plan: p, Zone: Kzaz.Create(election.Id, p.Number, municipalities[p.Municipality], p.Seat))).ToList();
        db.Kzazs.AddRange(zones.Select(z => z.Zone));
        db.TechnicalTeams.Add(TechnicalTeam.Create(election.Id, null, "Operatorët e sistemit elektronik të numërimit"));
        await db.SaveChangesAsync(cancellationToken);

        var centres = new List<CountingCentre>();
        foreach (var (plan, zone) in zones)
        {
            db.VotingCentres.AddRange(plan.VotingCentres.Select(v => VotingCentre.Create(zone, VotingCentreNumber.Parse(v.Number), v.Location)));
            var centre = CountingCentre.Create(zone, $"Qendra e Numërimit KZAZ {zone.Number}");
            centres.Add(centre);
            db.TechnicalTeams.Add(TechnicalTeam.Create(election.Id, zone, $"Stafi teknik KZAZ {zone.Number}"));
        }

        db.CountingCentres.AddRange(centres);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (centre, plan) in centres.Zip(zones.Select(z => z.Plan)))
        {
            db.CountingGroups.AddRange(Enumerable.Range(1, plan.CountingGroups).Select(n => CountingGroup.Create(centre, n)));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return election.Id;
    }
}
