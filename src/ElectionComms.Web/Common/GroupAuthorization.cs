using System.Security.Claims;
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
    public static readonly GroupRequirement ReadMembers = new(GroupOperation.ReadMembers);
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

/// <summary>
/// The one way a page asks whether it may act on a resource (group, message, invitation, registry upload): each
/// resource has one handler built on the SQL filter its lists use, so a list and a page cannot disagree.
/// </summary>
public static class ResourceAuthorization
{
    public static async Task<bool> MayAsync(this IAuthorizationService authorization, ClaimsPrincipal user, object resource, IAuthorizationRequirement requirement) =>
        (await authorization.AuthorizeAsync(user, resource, requirement)).Succeeded;
}
