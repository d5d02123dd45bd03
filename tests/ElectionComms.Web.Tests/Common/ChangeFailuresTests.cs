using ElectionComms.Domain.Common;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Common;

/// <summary>
/// The one translation of refused changes (issue 12 item 3): every constraint it names exists in the schema the
/// migrations build, so a renamed index cannot silently turn a user's message back into a server error; a real
/// violation from PostgreSQL comes out in the user's words; anything that is not a refusal is left to fail.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ChangeFailuresTests(PortalFactory portal)
{
    [Fact]
    public async Task Every_named_constraint_exists_in_the_schema()
    {
        // A constraint, a unique index, or the name a guard trigger raises with (USING CONSTRAINT = '...').
        var names = await portal.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("""
                SELECT conname::text AS "Value" FROM pg_constraint
                UNION SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema()
                UNION SELECT (regexp_matches(prosrc, 'CONSTRAINT = ''([a-z_]+)''', 'g'))[1] FROM pg_proc
                """)
            .ToListAsync());
        Assert.NotEmpty(ChangeFailures.Constraints);
        Assert.All(ChangeFailures.Constraints.Keys, name => Assert.Contains(name, names));
    }

    [Fact]
    public async Task A_duplicate_platform_id_from_PostgreSQL_reads_as_the_rule_it_broke()
    {
        var message = await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var failures = services.GetRequiredService<ChangeFailures>();
            var platform = await db.Groups.GroupBy(g => g.Platform).Where(p => p.Count() > 1).Select(p => p.Key).FirstAsync();
            var groups = await db.Groups.Where(g => g.Platform == platform).OrderBy(g => g.Id).Take(2).ToListAsync();
            groups[1].ChangePlatformId(groups[0].PlatformId);
            var thrown = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return failures.Describe(thrown, "Error.Group.Concurrency");
        });
        Assert.Equal("Ky identifikues përdoret tashmë nga një grup tjetër në të njëjtën platformë.", message);
    }

    [Fact]
    public async Task Domain_concurrency_and_worded_refusals_are_described_and_faults_are_not()
    {
        var (domain, concurrency, worded, fault) = await portal.WithServicesAsync(services =>
        {
            var failures = services.GetRequiredService<ChangeFailures>();
            return Task.FromResult((
                failures.Describe(new DomainException("Group.DuplicatePlatformId"), "Error.Group.Concurrency"),
                failures.Describe(new DbUpdateConcurrencyException("stale"), "Error.Account.Concurrency"),
                failures.Describe(new ChangeRefusedException("Fjalëkalimi është i shkurtër."), "Error.Staff.Concurrency"),
                failures.Describe(new InvalidOperationException("bug"), "Error.Staff.Concurrency")));
        });
        Assert.Equal("Ky identifikues përdoret tashmë nga një grup tjetër në të njëjtën platformë.", domain);
        Assert.Equal("Dikush tjetër e ndryshoi këtë llogari zyrtare ndërkohë. Shihni gjendjen e re dhe vendosni përsëri.", concurrency);
        Assert.Equal("Fjalëkalimi është i shkurtër.", worded);
        Assert.Null(fault);
    }
}
