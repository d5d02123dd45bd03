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
/// Two approvals and a rejection of the same message at the same moment, each in its own connection and
/// transaction on real PostgreSQL: exactly one decision is saved, the others are refused by the row version.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ApprovalRaceTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_approvals_and_a_rejection_at_once_leave_exactly_one_decision()
    {
        var id = await MessageScenario.SubmittedAsync(portal);

        // The Secretary General administers the target group, so they answer for it too and stand in the officer's
        // reporting line: two different people may approve the message at once.
        await portal.WithDbAsync(async db =>
        {
            var sg = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.SecretaryGeneral.Email);
            var groupId = await db.MessageVersionTargets.Where(t => db.Messages.Any(m => m.Id == id && m.CurrentVersionId == t.VersionId)).Select(t => t.GroupId).SingleAsync();
            var group = await db.Groups.SingleAsync(g => g.Id == groupId);
            group.AssignAdministrator(sg);
            foreach (var email in new[] { DemoAccounts.AdministrationDirector.Email, DemoAccounts.SecretaryGeneral.Email })
            {
                var approver = await db.Staff.SingleAsync(s => s.Email == email);
                db.StepUpVerifications.Add(new StepUpVerification { UserId = approver.Id, VerifiedAt = DateTimeOffset.UtcNow });
            }

            return await db.SaveChangesAsync();
        });

        var outcomes = await RaceAsync(id, [
            (DemoAccounts.AdministrationDirector.Email, StaffRole.Director, Decision.Approve),
            (DemoAccounts.SecretaryGeneral.Email, StaffRole.SecretaryGeneral, Decision.Approve),
            (DemoAccounts.AdministrationDirector.Email, StaffRole.Director, Decision.Reject),
        ]);

        Assert.Equal(1, outcomes.Count(o => o == "saved"));
        Assert.All(outcomes.Where(o => o != "saved"), o => Assert.True(o is "concurrency" or "Message.NotAwaitingDecision", o));
        var (status, approvals, queued, decisions) = await portal.WithDbAsync(async db => (
            await db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync(),
            await db.MessageApprovals.CountAsync(a => a.MessageId == id),
            await db.PublishingQueue.CountAsync(q => q.MessageId == id),
            await db.MessageEvents.CountAsync(e => e.MessageId == id && (e.Kind == MessageEventKind.Approved || e.Kind == MessageEventKind.Rejected))));
        Assert.Equal(1, decisions);
        Assert.Equal(status == MessageStatus.Queued ? 1 : 0, approvals);
        Assert.Equal(approvals, queued);
        Assert.Contains(status, new[] { MessageStatus.Queued, MessageStatus.Rejected });
    }

    private enum Decision
    {
        Approve,
        Reject,
    }

    private async Task<string[]> RaceAsync(Guid id, (string Email, string Role, Decision Decision)[] actors)
    {
        // Each actor loads the message first; only then do all save, so every one acts on the same row version.
        using var loaded = new Barrier(actors.Length);
        var tasks = actors.Select(actor => Task.Run(async () =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var decisions = scope.ServiceProvider.GetRequiredService<MessageDecisions>();
            var me = await db.Staff.SingleAsync(s => s.Email == actor.Email);

            // The page's own code: open (load the message and its context), then decide. The approver stepped up just now.
            var opened = (await decisions.OpenAsync(id, new CurrentStaff(me.Id, actor.Role, me.DirectorateId, string.Empty)))!;
            loaded.SignalAndWait(TimeSpan.FromSeconds(30));
            try
            {
                if (actor.Decision == Decision.Approve)
                {
                    await decisions.ApproveAsync(opened, opened.Message.CurrentContentHash);
                }
                else
                {
                    await decisions.RejectAsync(opened, opened.Message.CurrentContentHash, "Jo në këtë formë.");
                }

                return "saved";
            }
            catch (DbUpdateConcurrencyException)
            {
                return "concurrency";
            }
            catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // The winner's queue row came first: the one queue row per version is a second line of defence.
                return "concurrency";
            }
            catch (ElectionComms.Domain.Common.DomainException exception)
            {
                return exception.Code;
            }
        }));
        return await Task.WhenAll(tasks);
    }
}
