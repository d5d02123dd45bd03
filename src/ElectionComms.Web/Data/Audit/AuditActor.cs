using System.Security.Claims;

namespace ElectionComms.Web.Data.Audit;

public sealed record AuditActor(Guid? Id, string Name)
{
    public static readonly AuditActor System = new(null, "system");
}

/// <summary>Who is changing data right now; the audit trail asks this once per save.</summary>
public interface IAuditActorSource
{
    AuditActor Current { get; }
}

/// <summary>The signed-in user of the current request, or <see cref="AuditActor.System"/> outside a request.</summary>
public sealed class HttpAuditActorSource(IHttpContextAccessor accessor) : IAuditActorSource
{
    public AuditActor Current
    {
        get
        {
            var user = accessor.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true)
            {
                return AuditActor.System;
            }

            var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : (Guid?)null;
            return new AuditActor(id, user.Identity.Name ?? "unknown");
        }
    }
}
