using ElectionComms.Web.Auth;
using Microsoft.AspNetCore.Authorization;

namespace ElectionComms.Web.Features.Registry;

/// <summary>
/// Work with one uploaded roster (preview, apply, discard, download of the rows it would end): it holds names and
/// numbers (§10), so only the clerk who uploaded it may, and only while they keep the registry.
/// </summary>
public sealed class RegistryUploadRequirement : IAuthorizationRequirement
{
    public static readonly RegistryUploadRequirement Use = new();

    private RegistryUploadRequirement()
    {
    }
}

/// <summary>Resource-based check for a <see cref="StoredImport"/>.</summary>
internal sealed class RegistryUploadAuthorizationHandler : AuthorizationHandler<RegistryUploadRequirement, StoredImport>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RegistryUploadRequirement requirement, StoredImport resource)
    {
        var user = CurrentStaff.From(context.User);
        if (RegistryRights.MayChange(user) && resource.OwnerId == user.Id)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
