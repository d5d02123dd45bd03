using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Data.Seed;

/// <summary>
/// Official accounts and groups for an election, shaped like a real roll-out: a WhatsApp number per KZAZ and level,
/// a group per voting centre and per counting group, a Telegram group per KZAZ, national Telegram channels.
/// At national scale that is about 6,500 groups on about 380 accounts. Deterministic for the same data.
/// </summary>
public sealed class ChannelsSeeder(AppDbContext db, TimeProvider clock)
{
    private static readonly byte[] PlaceholderLogo = System.Text.Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><rect width=\"64\" height=\"64\" rx=\"12\" fill=\"#8a1c1c\"/>" +
        "<rect x=\"14\" y=\"24\" width=\"36\" height=\"26\" rx=\"3\" fill=\"#fff\"/></svg>");

    public async Task SeedAsync(int electionId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var staff = await db.Staff.ToDictionaryAsync(s => s.Email, cancellationToken);
        var directorates = await db.Directorates.ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
        var sg = staff[DemoAccounts.SecretaryGeneral.Email];
        var daz = staff[DemoAccounts.AdministrationDirector.Email];
        var dld = staff[DemoAccounts.LogisticsDirector.Email];
        var officer = staff[DemoAccounts.CommunicationOfficer.Email];

        var first = LogoVersion.Upload(0, "logo-kqz-2023.svg", PlaceholderLogo, dld.Id, now.AddYears(-1));
        var second = LogoVersion.Upload(1, "logo-kqz-2026.svg", PlaceholderLogo.Concat("<!-- 2026 -->"u8.ToArray()).ToArray(), dld.Id, now.AddDays(-20));
        db.LogoVersions.AddRange(first, second);

        OfficialAccount Account(Platform platform, string handle, string name, string directorate, OfficialAccount? approved = null)
        {
            var account = OfficialAccount.Request(platform, null, handle, name, directorates[directorate], "Komunikimi me administratën zgjedhore", daz.Id, now.AddDays(-60));
            account.Approve(sg, now.AddDays(-59));
            db.OfficialAccounts.Add(account);
            return account;
        }

        var telegram = Account(Platform.Telegram, "@kqz_administrata", "KQZ – Administrata zgjedhore", "DAZ");
        var channels = Account(Platform.Telegram, "@kqz_njoftime", "KQZ – Njoftime zyrtare", "DKS");
        Account(Platform.Helpline, "0800 0253", "Linja e ndihmës e KQZ-së", "DLD");
        var app = Account(Platform.KqzApp, "al.kqz.administrata", "Aplikacioni i administratës zgjedhore", "DAZ");
        var pending = OfficialAccount.Request(Platform.Telegram, null, "@kqz_trajnimi", "KQZ – Trajnimi i komisionerëve", directorates["DTE"], "Materiale trajnimi për KQV", daz.Id, now.AddDays(-2));
        db.OfficialAccounts.Add(pending);
        await db.SaveChangesAsync(cancellationToken);

        var zones = await db.Kzazs.Where(k => k.ElectionId == electionId).OrderBy(k => k.Number).ToListAsync(cancellationToken);
        var centres = (await db.VotingCentres.Where(v => v.ElectionId == electionId).OrderBy(v => v.Number).ToListAsync(cancellationToken)).ToLookup(v => v.KzazId);
        var countingGroups = (await db.CountingGroups.Where(g => g.ElectionId == electionId).OrderBy(g => g.Number).ToListAsync(cancellationToken)).ToLookup(g => g.KzazId);
        var teams = await db.TechnicalTeams.Where(t => t.ElectionId == electionId && t.KzazId != null).ToDictionaryAsync(t => t.KzazId!.Value, cancellationToken);

        var sequence = 0;
        Group Add(OfficialAccount account, GroupKind kind, string name, AdministrationLevel level, GroupScope scope, StaffMember administrator)
        {
            sequence++;
            var platformId = account.Platform switch
            {
                Platform.WhatsApp => "https://chat.whatsapp.com/" + InviteCode(sequence),
                Platform.KqzApp => "app:" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "-100" + (1_700_000_000 + sequence).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            var group = Group.Create(account, electionId, kind, name, level, scope, platformId, administrator, isTestGroup: false, now);

            // Join links for invitations (§5b): WhatsApp's is the group link itself; Telegram KZAZ groups admit by
            // join request through the KQZ bot, other Telegram groups by their invite link.
            if (account.Platform == Platform.WhatsApp)
            {
                group.SetJoinLink(platformId, usesJoinRequests: false, botStartLink: null);
            }
            else if (account.Platform == Platform.Telegram)
            {
                var joinLink = "https://t.me/+" + InviteCode(sequence + 100_000);
                var viaBot = level == AdministrationLevel.Kzaz && kind == GroupKind.Group;
                group.SetJoinLink(joinLink, viaBot, viaBot ? "https://t.me/KqzAdministrataBot?start=g" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
            }

            // Most groups show the current logo; some still the old one, a few were never checked (§6).
            group.MarkLogoShown(sequence % 17 == 0 ? 1 : 2);
            db.Groups.Add(group);
            return group;
        }

        foreach (var level in Enum.GetValues<AdministrationLevel>())
        {
            Add(channels, GroupKind.Channel, $"Njoftime KQZ – {LevelName(level)}", level, GroupScope.National, daz);
        }

        // The KQZ's own app (§4 b, issue 20): every KZAZ member nationally, and each zone's KQV members.
        Add(app, GroupKind.Channel, "Aplikacioni – KZAZ", AdministrationLevel.Kzaz, GroupScope.National, daz);

        await db.SaveChangesAsync(cancellationToken);
        foreach (var zone in zones)
        {
            var numbers = Enumerable.Range(1, 4).Select(n => Account(Platform.WhatsApp, $"+35569{zone.Number:000}{n:0000}", $"KQZ – KZAZ {zone.Number} ({n})", "DAZ")).ToList();
            await db.SaveChangesAsync(cancellationToken);
            var kzazGroup = Add(telegram, GroupKind.Group, $"KZAZ {zone.Number}", AdministrationLevel.Kzaz, new GroupScope(ScopeKind.Unit, zone.Id), daz);
            foreach (var centre in centres[zone.Id])
            {
                Add(numbers[0], GroupKind.Group, $"KQV {centre.Number} – KZAZ {zone.Number}", AdministrationLevel.Kqv, new GroupScope(ScopeKind.Unit, centre.Id), daz);
            }

            Add(telegram, GroupKind.Group, $"GNV – KZAZ {zone.Number}", AdministrationLevel.Gnv, new GroupScope(ScopeKind.Kzaz, zone.Id), daz);
            Add(app, GroupKind.Channel, $"Aplikacioni – KQV – KZAZ {zone.Number}", AdministrationLevel.Kqv, new GroupScope(ScopeKind.Kzaz, zone.Id), daz);
            foreach (var countingGroup in countingGroups[zone.Id])
            {
                Add(numbers[1], GroupKind.Group, $"GNV {countingGroup.Number} – KZAZ {zone.Number}", AdministrationLevel.Gnv, new GroupScope(ScopeKind.Unit, countingGroup.Id), daz);
            }

            if (teams.TryGetValue(zone.Id, out var team))
            {
                Add(numbers[2], GroupKind.Group, $"Stafi teknik – KZAZ {zone.Number}", AdministrationLevel.TechnicalStaff, new GroupScope(ScopeKind.Unit, team.Id), dld);
            }

            // The demo officer relays to the first zones' KZAZ groups; later zones have nobody assigned yet.
            if (zone.Number <= 3)
            {
                kzazGroup.AssignOfficer(officer, daz.Id, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            telegram = await db.OfficialAccounts.SingleAsync(a => a.Id == telegram.Id, cancellationToken);
            app = await db.OfficialAccounts.SingleAsync(a => a.Id == app.Id, cancellationToken);
            daz = await db.Staff.SingleAsync(s => s.Id == daz.Id, cancellationToken);
            dld = await db.Staff.SingleAsync(s => s.Id == dld.Id, cancellationToken);
            officer = await db.Staff.SingleAsync(s => s.Id == officer.Id, cancellationToken);
            sg = await db.Staff.SingleAsync(s => s.Id == sg.Id, cancellationToken);
        }
    }

    private static string LevelName(AdministrationLevel level) => level switch
    {
        AdministrationLevel.Kzaz => "KZAZ",
        AdministrationLevel.Kqv => "KQV",
        AdministrationLevel.Gnv => "GNV",
        _ => "Stafi teknik",
    };

    private static string InviteCode(int sequence)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var random = new Random(sequence * 7919);
        return new string(Enumerable.Range(0, 22).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
