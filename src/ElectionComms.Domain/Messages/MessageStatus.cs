namespace ElectionComms.Domain.Messages;

/// <summary>Where a message stands on its way from draft to the platform (§7).</summary>
public enum MessageStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    ChangesRequested = 4,
    Rejected = 5,
    Withdrawn = 6,
    Expired = 7,
    Queued = 8,
    Published = 9,
    PartlyFailed = 10,

    /// <summary>Stopped before every group had it; what was sent stays sent.</summary>
    Cancelled = 11,

    /// <summary>Deleted from the groups where the platform allows it after it was sent.</summary>
    Recalled = 12,

    /// <summary>Some groups may or may not have it: the approver checks and decides.</summary>
    Uncertain = 13,
}

/// <summary>One step of a message's history timeline.</summary>
public enum MessageEventKind
{
    Drafted = 1,
    Edited = 2,
    Submitted = 3,
    Approved = 4,
    ChangesRequested = 5,
    Rejected = 6,
    Withdrawn = 7,
    Expired = 8,
    Queued = 9,
    Published = 10,
    PartlyFailed = 11,
    Cancelled = 12,
    Recalled = 13,
    Uncertain = 14,
}
