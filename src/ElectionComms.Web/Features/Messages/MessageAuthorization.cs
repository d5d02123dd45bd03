using ElectionComms.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Messages;

/// <summary>The message a page acts on, for <see cref="IAuthorizationService"/>.</summary>
public sealed record MessageResource(Guid MessageId);

public sealed class MessageRequirement : IAuthorizationRequirement
{
    private MessageRequirement(string name) => Name = name;

    public string Name { get; }

    /// <summary>Read the message, its versions, history and thread: the SQL filter of <see cref="MessageAccess.ReadableAsync"/>.</summary>
    public static readonly MessageRequirement Read = new(nameof(Read));

    /// <summary>Write in the thread: the author and those who decide (<see cref="MessageAccess.MayComment"/>).</summary>
    public static readonly MessageRequirement Comment = new(nameof(Comment));
}

/// <summary>
/// Resource-based check for messages, built on <see cref="MessageAccess"/>'s SQL filter so that what a page may
/// show and what a list shows cannot disagree. Comment implies Read. Whether a decision may be taken is the
/// domain's question (<see cref="Domain.Messages.ApproverPolicy"/>), asked again inside the decision itself.
/// </summary>
internal sealed class MessageAuthorizationHandler(MessageAccess access) : AuthorizationHandler<MessageRequirement, MessageResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MessageRequirement requirement, MessageResource resource)
    {
        var user = CurrentStaff.From(context.User);
        var author = await (await access.ReadableAsync(user))
            .Where(m => m.Id == resource.MessageId)
            .Select(m => (Guid?)m.AuthorId)
            .SingleOrDefaultAsync();
        if (author is { } authorId && (requirement == MessageRequirement.Read || MessageAccess.MayComment(user, authorId)))
        {
            context.Succeed(requirement);
        }
    }
}
