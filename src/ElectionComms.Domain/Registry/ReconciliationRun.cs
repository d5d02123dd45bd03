using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Registry;

/// <summary>
/// One §11 reconciliation of a group: the member list compared, the report's lines, and the removal list that a
/// clerk works through. Kept so that who removed whom, and when, can be shown later.
/// </summary>
public sealed class ReconciliationRun
{
    public const int SourceMaxLength = 255;

    private readonly List<ReconciliationEntry> entries = [];

    private ReconciliationRun()
    {
        Source = string.Empty;
    }

    public int Id { get; private set; }

    public int GroupId { get; private set; }

    /// <summary>The uploaded file's name, or the name of the observer (e.g. the Telegram bot).</summary>
    public string Source { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int ObservedRows { get; private set; }

    public int DuplicateRows { get; private set; }

    public DateTimeOffset? LastExportedAt { get; private set; }

    public Guid? LastExportedById { get; private set; }

    public IReadOnlyCollection<ReconciliationEntry> Entries => entries.AsReadOnly();

    public static ReconciliationRun Record(int groupId, string source, ReconciliationReport report, Guid createdBy, DateTimeOffset now)
    {
        if (report.Lines.Count == 0)
        {
            throw new DomainException("Reconciliation.NoMembers");
        }

        var run = new ReconciliationRun
        {
            GroupId = groupId,
            Source = Guard.Text(source, SourceMaxLength, "Reconciliation.SourceRequired", "Reconciliation.SourceTooLong"),
            CreatedById = createdBy,
            CreatedAt = now,
            ObservedRows = report.ObservedRows,
            DuplicateRows = report.DuplicateRows,
        };
        run.entries.AddRange(report.Lines.Select(ReconciliationEntry.From));
        return run;
    }

    /// <summary>§10: every export of numbers leaves a trace (the change is audited like any other).</summary>
    public void RecordExport(Guid by, DateTimeOffset now)
    {
        LastExportedById = by;
        LastExportedAt = now;
    }
}

/// <summary>One line of a reconciliation report; when the member must leave the group, also a removal to do.</summary>
public sealed class ReconciliationEntry
{
    public const int PhoneMaxLength = 40;
    public const int NameMaxLength = 200;

    private ReconciliationEntry()
    {
    }

    public int Id { get; private set; }

    public int RunId { get; private set; }

    public ReconciliationCategory Category { get; private set; }

    public MatchKind Match { get; private set; }

    /// <summary>E.164 when the number parsed, otherwise as written in the member list.</summary>
    public string? Phone { get; private set; }

    public string? Name { get; private set; }

    public int? PersonId { get; private set; }

    public int Occurrences { get; private set; }

    public Guid? RemovedById { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public bool MustBeRemoved => Category != ReconciliationCategory.Eligible;

    internal static ReconciliationEntry From(ReconciliationLine line) => new()
    {
        Category = line.Category,
        Match = line.Match,
        Phone = Clip(line.Phone, PhoneMaxLength),
        Name = Clip(line.Name, NameMaxLength),
        PersonId = line.PersonId,
        Occurrences = line.Occurrences,
    };

    /// <summary>The clerk removed this member from the group on the platform.</summary>
    public void MarkRemoved(Guid by, DateTimeOffset now)
    {
        if (!MustBeRemoved)
        {
            throw new DomainException("Reconciliation.NotOnRemovalList");
        }

        if (RemovedAt is not null)
        {
            throw new DomainException("Reconciliation.AlreadyRemoved");
        }

        RemovedById = by;
        RemovedAt = now;
    }

    private static string? Clip(string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length <= maxLength ? trimmed : trimmed[..maxLength];
    }
}
