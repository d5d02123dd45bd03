using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Messages;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Features.Messages;

/// <summary>
/// ADR 0017: every author of the demo organisation × every group they can reach (as officer, §7, or through a grant,
/// §8). Each accepted submission is in the queue of at least one approver, and the queue (SQL) and the domain policy
/// agree on everyone; each refusal is the no-approver refusal and the policy indeed finds nobody.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class EveryMessageHasADeciderTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_author_and_group_of_the_demo_organisation_is_submitted_to_someone_who_sees_it_or_refused_because_nobody_could()
    {
        DemoAccount[] authors = [DemoAccounts.CommunicationOfficer, DemoAccounts.HelplineOperator, DemoAccounts.LogisticsDirector, DemoAccounts.AdministrationDirector];
        DemoAccount[] deciders = [DemoAccounts.SecretaryGeneral, DemoAccounts.LogisticsDirector, DemoAccounts.AdministrationDirector];
        var (accepted, refused) = (0, 0);
        var routes = new HashSet<ApprovalRoute>();
        await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var access = services.GetRequiredService<MessageAccess>();
            var directory = services.GetRequiredService<StaffDirectory>();
            var now = DateTimeOffset.UtcNow;
            var staff = await db.Staff.ToDictionaryAsync(s => s.Email);
            var dld = staff[DemoAccounts.LogisticsDirector.Email];
            var groups = await db.Groups.Where(g => g.Status == GroupStatus.Active).OrderBy(g => g.Id).ToListAsync();
            var candidates = await access.ApproverCandidatesAsync();
            var viewers = new List<(StaffMember Member, CurrentStaff User)>();
            foreach (var account in deciders)
            {
                var member = staff[account.Email];
                viewers.Add((member, new CurrentStaff(member.Id, account.Role, member.DirectorateId, string.Empty)));
            }

            foreach (var account in authors)
            {
                var author = staff[account.Email];
                var mayHoldGrant = await directory.HasRoleAsync(author.Id, [StaffRole.HelplineOperator, StaffRole.Director]);
                foreach (var group in groups)
                {
                    // With a grant where §8 allows one and the author is not already the group's officer.
                    var isOfficer = await db.Groups.AnyAsync(g => g.Id == group.Id && g.Officers.Any(o => o.StaffMemberId == author.Id));
                    if (!isOfficer && !mayHoldGrant)
                    {
                        continue;
                    }

                    if (!isOfficer)
                    {
                        db.TransmitGrants.Add(TransmitGrant.Grant(group, author, true, dld, true, null, [], now));
                        await db.SaveChangesAsync();
                    }

                    var targets = await access.TargetsAsync(author.Id, [group.Id]);
                    var message = Message.Draft(author, new MessageDraft($"Njoftim për {group.Name}.", null, null, null, group.IsTestGroup), targets, now);
                    db.Messages.Add(message);
                    await db.SaveChangesAsync();
                    var chain = await access.ChainAsync(author.Id);
                    var route = ApproverPolicy.RouteFor(author, targets);
                    try
                    {
                        message.Submit(author, null, targets, chain, candidates, now);
                        await db.SaveChangesAsync();
                    }
                    catch (DomainException exception)
                    {
                        refused++;
                        Assert.StartsWith("Message.NoApprover", exception.Code, StringComparison.Ordinal);
                        Assert.Empty(ApproverPolicy.Deciders(candidates, author.Id, chain, targets, route));
                        db.ChangeTracker.Clear();
                        continue;
                    }

                    accepted++;
                    routes.Add(message.ApprovalRoute);
                    var seenBy = 0;
                    foreach (var (member, user) in viewers)
                    {
                        var inQueue = await (await access.AwaitingDecisionAsync(user)).AnyAsync(m => m.Id == message.Id);
                        var readable = await (await access.ReadableAsync(user)).AnyAsync(m => m.Id == message.Id);
                        var policy = ApproverPolicy.MayDecide(member, user.Role, author.Id, chain, targets, message.ApprovalRoute);
                        Assert.True(inQueue == policy, $"{account.Email} → {group.Name} ({message.ApprovalRoute}): {member.Email} queue {inQueue}, policy {policy}");
                        Assert.True(!inQueue || readable, $"{member.Email} decides on {account.Email} → {group.Name} but cannot open it");
                        seenBy += inQueue ? 1 : 0;
                    }

                    Assert.True(seenBy > 0, $"{account.Email} → {group.Name} ({message.ApprovalRoute}) is in nobody's queue");
                    db.ChangeTracker.Clear();
                    staff = await db.Staff.ToDictionaryAsync(s => s.Email);
                    dld = staff[DemoAccounts.LogisticsDirector.Email];
                }
            }
        });

        Assert.True(accepted > 0);
        Assert.Contains(ApprovalRoute.Chain, routes);
        Assert.Contains(ApprovalRoute.Grant, routes);
        Assert.Contains(ApprovalRoute.Superior, routes);
    }
}
