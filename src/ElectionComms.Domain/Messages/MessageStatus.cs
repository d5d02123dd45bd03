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
}
