using System.Net.Http.Headers;
using System.Text;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Registry;

/// <summary>
/// People for the reconciliation and membership tests, registered through the domain: the group is the KQV group of
/// the first voting centre of KZAZ 1 (account of the DAZ, the demo clerk's directorate).
/// </summary>
public sealed record ReconciliationScenario(int GroupId, int EligibleId, int OtherZoneId, int EndedId, int NamesakeId, int OtherCentreId)
{
    public const string EligiblePhone = "+355691110001";
    public const string OtherZonePhone = "+355691110002";
    public const string EndedPhone = "+355691110003";
    public const string NamesakePhone = "+355691110004";
    public const string UnknownPhone = "+355691119999";

    public string UploadUrl => $"/Registry/Reconciliation/{GroupId}";

    public static async Task<ReconciliationScenario> SeedAsync(PortalFactory portal) => await portal.WithDbAsync(async db =>
    {
        var zones = await db.Kzazs.OrderBy(k => k.Number).Select(k => k.Id).Take(2).ToListAsync();
        var centres = await db.VotingCentres.Where(v => v.KzazId == zones[0]).OrderBy(v => v.Number).Select(v => v.Id).Take(2).ToListAsync();
        var elsewhere = await db.VotingCentres.Where(v => v.KzazId == zones[1]).OrderBy(v => v.Number).Select(v => v.Id).FirstAsync();
        var groupId = await db.Groups.Where(g => g.Level == AdministrationLevel.Kqv && g.ScopeKind == ScopeKind.Unit && g.ScopeTargetId == centres[0])
            .Select(g => g.Id).SingleAsync();
        var from = new DateOnly(2026, 1, 1);
        Person Kqv(string name, string phone, int centre, UnitRole role = UnitRole.Member) =>
            Person.Register(portal.ElectionId, name, phone, role, AdministrationLevel.Kqv, centre, from, null);

        var eligible = Kqv("Arben Hoxha", EligiblePhone, centres[0], UnitRole.Chair);
        var otherZone = Kqv("Ilir Leka", OtherZonePhone, elsewhere);
        var ended = Kqv("Drita Marku", EndedPhone, centres[0]);
        var namesake = Kqv("Ëngjëll Çela", NamesakePhone, centres[0]);
        var otherCentre = Kqv("Teuta Gjoka", "+355691110005", centres[1]);
        ended.End("Dorëhequr", DateTimeOffset.UtcNow);
        db.People.AddRange(eligible, otherZone, ended, namesake, otherCentre);
        await db.SaveChangesAsync();
        return new ReconciliationScenario(groupId, eligible.Id, otherZone.Id, ended.Id, namesake.Id, otherCentre.Id);
    });

    /// <summary>The member list of the story: one of each list, a names-only row and a duplicate.</summary>
    public static byte[] MemberListCsv() => Encoding.UTF8.GetBytes(
        "Phone Number;Emri\r\n" +
        "069 111 0001;Arben\r\n" +
        "+355 69 111 9999;I panjohur\r\n" +
        "00355691110002;Ilir\r\n" +
        "0691110003;Drita\r\n" +
        ";engjell cela\r\n" +
        "+355691110001;Arben H.\r\n");

    public static async Task<HttpResponseMessage> UploadAsync(PortalClient client, string url, string fileName, byte[] content)
    {
        var token = PortalClient.AntiforgeryToken(await client.GetHtmlAsync(url));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv");
        form.Add(file, "Input.File", fileName);
        return await client.Http.PostAsync(url, form);
    }
}
