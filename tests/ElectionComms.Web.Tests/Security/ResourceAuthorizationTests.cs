using System.Security.Claims;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Messages;
using ElectionComms.Web.Features.Registry;
using ElectionComms.Web.Tests.Features.Messages;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Security;

/// <summary>
/// One authorization handler per resource (issue 12 item 4): for every demo account, what
/// <see cref="IAuthorizationService"/> answers about each message, each group's invitations and members, and an
/// uploaded roster agrees with the SQL filters the lists use — and the demo data has both answers for each, so the
/// comparison can fail.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ResourceAuthorizationTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Messages_are_readable_and_commentable_exactly_as_the_message_filter_says()
    {
        await MessageScenario.SubmittedAsync(portal);
        var answers = new List<bool>();
        foreach (var account in DemoAccounts.All)
        {
            await portal.WithServicesAsync(async services =>
            {
                var (user, principal) = await SignInAsync(services, account);
                var access = services.GetRequiredService<MessageAccess>();
                var authorization = services.GetRequiredService<IAuthorizationService>();
                var db = services.GetRequiredService<AppDbContext>();
                var readable = await (await access.ReadableAsync(user)).Select(m => m.Id).ToListAsync();
                foreach (var message in await db.Messages.Select(m => new { m.Id, m.AuthorId }).ToListAsync())
                {
                    var read = await authorization.MayAsync(principal, new MessageResource(message.Id), MessageRequirement.Read);
                    var comment = await authorization.MayAsync(principal, new MessageResource(message.Id), MessageRequirement.Comment);
                    Assert.Equal(readable.Contains(message.Id), read);
                    Assert.Equal(read && MessageAccess.MayComment(user, message.AuthorId), comment);
                    answers.Add(read);
                }
            });
        }

        Assert.Contains(true, answers);
        Assert.Contains(false, answers);
    }

    [Fact]
    public async Task Invitations_and_members_of_each_group_follow_the_group_filters()
    {
        var answers = new List<bool>();
        foreach (var account in DemoAccounts.All)
        {
            await portal.WithServicesAsync(async services =>
            {
                var (user, principal) = await SignInAsync(services, account);
                var invitations = services.GetRequiredService<InvitationAccess>();
                var groups = services.GetRequiredService<GroupAccess>();
                var authorization = services.GetRequiredService<IAuthorizationService>();
                var db = services.GetRequiredService<AppDbContext>();
                var viewable = await invitations.Viewable(user).Select(g => g.Id).ToListAsync();
                var issuable = await invitations.Issuable(user).Select(g => g.Id).ToListAsync();
                var managesMembers = await groups.Filter(user, GroupOperation.ManageMembers).Select(g => g.Id).ToListAsync();
                var readsAll = user.Role is StaffRole.SecretaryGeneral or StaffRole.Auditor;
                foreach (var id in await db.Groups.Select(g => g.Id).ToListAsync())
                {
                    var view = await authorization.MayAsync(principal, new InvitationResource(id), InvitationRequirement.View);
                    Assert.Equal(viewable.Contains(id), view);
                    Assert.Equal(issuable.Contains(id), await authorization.MayAsync(principal, new InvitationResource(id), InvitationRequirement.Manage));
                    var readMembers = await authorization.MayAsync(principal, new GroupResource(id), GroupRequirement.ReadMembers);
                    Assert.Equal(readsAll || managesMembers.Contains(id), readMembers);
                    answers.Add(view);
                    answers.Add(readMembers);
                }
            });
        }

        Assert.Contains(true, answers);
        Assert.Contains(false, answers);
    }

    [Fact]
    public async Task An_uploaded_roster_is_only_its_clerks()
    {
        var answers = await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var clerk = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.Clerk.Email);
            var upload = new StoredImport(Guid.NewGuid(), clerk.Id, 1, "lista.csv", TableFormat.Csv, ImportMode.Changes, "00", 10, DateTimeOffset.UtcNow, null);
            var authorization = services.GetRequiredService<IAuthorizationService>();
            var result = new Dictionary<string, bool>();
            foreach (var account in DemoAccounts.All)
            {
                var (_, principal) = await SignInAsync(services, account);
                result[account.Email] = await authorization.MayAsync(principal, upload, RegistryUploadRequirement.Use);
            }

            // The same clerk's account turned into a director's keeps no right to the file it uploaded.
            var (_, asDirector) = await SignInAsync(services, DemoAccounts.Clerk);
            var demoted = new ClaimsPrincipal(new ClaimsIdentity(
                asDirector.Claims.Where(c => c.Type != ClaimTypes.Role).Append(new Claim(ClaimTypes.Role, StaffRole.Director)), "test"));
            result["demoted"] = await authorization.MayAsync(demoted, upload, RegistryUploadRequirement.Use);
            return result;
        });

        Assert.True(answers[DemoAccounts.Clerk.Email]);
        Assert.All(answers.Where(a => a.Key != DemoAccounts.Clerk.Email), a => Assert.False(a.Value, a.Key));
    }

    private static async Task<(CurrentStaff User, ClaimsPrincipal Principal)> SignInAsync(IServiceProvider services, DemoAccount account)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var factory = services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var principal = await factory.CreateAsync((await users.FindByEmailAsync(account.Email))!);
        return (CurrentStaff.From(principal), principal);
    }
}
