using ElectionComms.Web.Auth;
using Microsoft.AspNetCore.Authorization;

namespace ElectionComms.Web.Common;

/// <summary>The group a page acts on, for <see cref="IAuthorizationService"/>.</summary>
public sealed record GroupResource(int GroupId);

public sealed class GroupRequirement(GroupOperation operation) : IAuthorizationRequirement
{
    public GroupOperation Operation { get; } = operation;

    public static readonly GroupRequirement Read = new(GroupOperation.Read);
    public static readonly GroupRequirement Manage = new(GroupOperation.Manage);
    public static readonly GroupRequirement MarkLogo = new(GroupOperation.MarkLogo);
    public static readonly GroupRequirement ManageMembers = new(GroupOperation.ManageMembers);
}

/// <summary>Resource-based check: is this user allowed this operation on this group? Delegates to <see cref="GroupAccess"/>.</summary>
internal sealed class GroupAuthorizationHandler(GroupAccess access) : AuthorizationHandler<GroupRequirement, GroupResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, GroupRequirement requirement, GroupResource resource)
    {
        if (await access.CanAsync(CurrentStaff.From(context.User), resource.GroupId, requirement.Operation))
        {
            context.Succeed(requirement);
        }
    }
}
