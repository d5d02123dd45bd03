using ElectionComms.Web.Auth;
using Microsoft.AspNetCore.Authorization;

namespace ElectionComms.Web.Common;

/// <summary>The invitations of one group, for <see cref="IAuthorizationService"/>.</summary>
public sealed record InvitationResource(int GroupId);

public sealed class InvitationRequirement : IAuthorizationRequirement
{
    private InvitationRequirement(bool issue) => Issue = issue;

    /// <summary>True to create, revoke, re-issue or print (<see cref="InvitationAccess.Issuable"/>); false to view.</summary>
    public bool Issue { get; }

    public static readonly InvitationRequirement View = new(issue: false);
    public static readonly InvitationRequirement Manage = new(issue: true);
}

/// <summary>Resource-based check for invitations (§5b), over <see cref="InvitationAccess"/>'s SQL filters.</summary>
internal sealed class InvitationAuthorizationHandler(InvitationAccess access) : AuthorizationHandler<InvitationRequirement, InvitationResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, InvitationRequirement requirement, InvitationResource resource)
    {
        var user = CurrentStaff.From(context.User);
        var allowed = requirement.Issue
            ? await access.MayIssueAsync(user, resource.GroupId, CancellationToken.None)
            : await access.MayViewAsync(user, resource.GroupId, CancellationToken.None);
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
