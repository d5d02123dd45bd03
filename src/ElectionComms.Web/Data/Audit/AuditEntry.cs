namespace ElectionComms.Web.Data.Audit;

/// <summary>
/// One row of the append-only audit trail (§12). Rows are ordered by <see cref="Id"/>; a database trigger refuses
/// UPDATE and DELETE. <see cref="Details"/> is kept as the exact text written so that a later hash chain can be
/// computed over stable bytes.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 100;
    public const int EntityMaxLength = 100;
    public const int EntityIdMaxLength = 100;
    public const int ActorNameMaxLength = 256;

    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public Guid? ActorId { get; set; }

    public string ActorName { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string Entity { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    public string Details { get; set; } = "{}";
}
