using System.Globalization;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Audit;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Registry;

/// <summary>
/// §12, ADR 0013: an import writes people in bulk SQL, yet each person's change history reads exactly as if the
/// change had gone through the tracked save — same actor, same properties, same masking of the number (§10).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ImportAuditTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Created_person_is_audited_as_a_tracked_registration_would_be()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv)]));

        var person = await portal.WithDbAsync(db => db.People.AsNoTracking().SingleAsync());
        var row = await AuditOfAsync(person.Id, "Person.Created");
        var expected = await TrackedDetailsAsync(db =>
            db.Add(Person.Register(person.ElectionId, person.FullName, person.Phone, person.Role, person.Level, person.UnitId, person.MandateFrom, person.MandateTo)));

        Assert.Equal(expected, row.Details);
        FullNumber.AssertAbsent(person.Phone, row.Details, "the audit entry");
        Assert.Equal(DemoAccounts.Clerk.Email, row.ActorName);
        Assert.NotNull(row.ActorId);
    }

    [Fact]
    public async Task Changed_and_reinstated_people_are_audited_as_tracked_updates_would_be()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv), RosterFiles.Row(2, units.Kqv)]));
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv)]), ImportMode.FullRoster);
        var before = await portal.WithDbAsync(db => db.People.AsNoTracking().OrderBy(p => p.Phone).ToListAsync());
        Assert.Equal(PersonStatus.Ended, before[1].Status);

        string[] changed = ["Anëtar Provë 1", "069 123 4577", "sekretar", "KQV", units.Kqv, "01.03.2027", ""];
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([changed, RosterFiles.Row(2, units.Kqv)]));

        var first = await TrackedDetailsAsync(db =>
            db.Attach(Copy(before[0])).Entity.Update(before[0].FullName, RosterFiles.E164(77), UnitRole.Secretary, before[0].Level, before[0].UnitId, before[0].MandateFrom, null));
        var second = await TrackedDetailsAsync(db => db.Attach(Copy(before[1])).Entity.Reinstate());
        Assert.Equal(first, (await AuditOfAsync(before[0].Id, "Person.Updated")).Details);
        Assert.Equal(second, (await AuditOfAsync(before[1].Id, "Person.Updated", newest: true)).Details);
    }

    [Fact]
    public async Task Ended_person_is_audited_with_the_reason_and_time_of_the_import()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv), RosterFiles.Row(2, units.Kqv)]));
        var active = await portal.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Phone == RosterFiles.E164(2)));

        await clerk.ImportAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv)]), ImportMode.FullRoster);

        var ended = await portal.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == active.Id));
        var row = await AuditOfAsync(active.Id, "Person.Updated");
        // The stored columns keep microseconds; the details keep the clock's full precision, as a tracked save does.
        var endedAt = System.Text.Json.JsonDocument.Parse(row.Details).RootElement.GetProperty("EndedAt")[1].GetDateTimeOffset();
        var expected = await TrackedDetailsAsync(db => db.Attach(Copy(active)).Entity.End(ended.EndReason!, endedAt));
        Assert.Equal(expected, row.Details);
        Assert.Equal(endedAt, ended.EndedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(endedAt, row.OccurredAt, TimeSpan.FromMilliseconds(1));
    }

    /// <summary>What the tracked save would record for the change made by <paramref name="change"/>, without saving it.</summary>
    private Task<string> TrackedDetailsAsync(Action<AppDbContext> change) => portal.WithDbAsync(db =>
    {
        change(db);
        var pending = AuditTrail.Capture(db.ChangeTracker).Single();
        return Task.FromResult(AuditTrail.ToRow(pending, AuditActor.System, DateTimeOffset.UnixEpoch).Details);
    });

    private Task<AuditEntry> AuditOfAsync(int personId, string action, bool newest = false)
    {
        var key = personId.ToString(CultureInfo.InvariantCulture);
        return portal.WithDbAsync(db =>
        {
            var rows = db.AuditEntries.AsNoTracking().Where(a => a.Entity == "Person" && a.EntityId == key && a.Action == action);
            return newest ? rows.OrderByDescending(a => a.Id).FirstAsync() : rows.SingleAsync();
        });
    }

    /// <summary>A detached copy with the stored values, to replay a change on it in a fresh context.</summary>
    private static Person Copy(Person stored)
    {
        var copy = Person.Register(stored.ElectionId, stored.FullName, stored.Phone, stored.Role, stored.Level, stored.UnitId, stored.MandateFrom, stored.MandateTo);
        typeof(Person).GetProperty(nameof(Person.Id))!.SetValue(copy, stored.Id);
        if (stored.Status == PersonStatus.Ended)
        {
            copy.End(stored.EndReason!, stored.EndedAt!.Value);
        }

        return copy;
    }

    private async Task<PortalClient> SignedInClerkAsync()
    {
        var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        return clerk;
    }
}
