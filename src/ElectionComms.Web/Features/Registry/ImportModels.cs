using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;

namespace ElectionComms.Web.Features.Registry;

public enum ImportMode
{
    /// <summary>Adds new people and changes listed ones; nobody is ended.</summary>
    Changes = 1,

    /// <summary>The file is the whole roster of its units: active people of those units absent from it are ended.</summary>
    FullRoster = 2,
}

/// <summary>
/// A problem with one cell or row; <see cref="Code"/> is a resource key suffix ("Registry.Row." + code), whose
/// message gets <see cref="Argument"/> as {0} and the offending <see cref="Value"/> (phone numbers masked, §10) as {1}.
/// </summary>
public sealed record RowError(int Row, string Column, string Code, string? Argument = null, string? Value = null);

/// <summary>
/// The identifying cells of a row that failed its checks, as far as they parsed (null where not): a full roster must
/// not end whoever that row may name (ADR 0018).
/// </summary>
public sealed record UnreadRow(int Number, string? FullName, string? Phone, AdministrationLevel? Level, int? UnitId);

/// <summary>What the clerk confirmed on the preview before a full roster ends people (ADR 0018).</summary>
public sealed record EndingConfirmation(int? Count, bool Many);

/// <summary>One row as read from the file: cell text by column, before any validation; formula cells as <see cref="TableRow.IsFormula"/> found them.</summary>
public sealed record RawRow(int Number, IReadOnlyDictionary<RosterColumn, string?> Cells, IReadOnlySet<RosterColumn> Formulas);

/// <summary>A valid row, ready for the staging table.</summary>
public sealed record RosterRow(
    int Number, string FullName, string Phone, UnitRole Role, AdministrationLevel Level, int UnitId, DateOnly MandateFrom,
    DateOnly? MandateTo);

/// <summary>
/// What a preview found, or what an apply did. <see cref="FileError"/> set means the whole file was refused.
/// <see cref="EndedIds"/> are the people a full roster ends (ids only: the preview lists them from the registry);
/// <see cref="Active"/> the election's active people when it was counted.
/// </summary>
public sealed record ImportOutcome(
    int New, int Changed, int Unchanged, int Ended, int Rows, IReadOnlyList<RowError> Errors, string? FileError = null,
    string? FileErrorArgument = null, IReadOnlyList<int>? EndedIds = null, int Active = 0)
{
    public bool NeedsSecondConfirmation => RosterEnding.NeedsSecondConfirmation(Ended, Active);

    public int Invalid => Errors.Select(e => e.Row).Distinct().Count();

    public static ImportOutcome Refused(string code, string? argument = null) => new(0, 0, 0, 0, 0, [], code, argument);

    /// <summary>Whether apply found the same picture as the preview (else the file or the registry changed between them).</summary>
    public bool SameCountsAs(ImportOutcome other) =>
        New == other.New && Changed == other.Changed && Unchanged == other.Unchanged && Ended == other.Ended
        && Errors.Count == other.Errors.Count && (EndedIds ?? []).SequenceEqual(other.EndedIds ?? []);
}

/// <summary>A whole-file problem (wrong columns, encoding, empty file); the code is a resource key suffix.</summary>
public sealed class RosterFileException(string code, string? argument = null) : Exception(code)
{
    public string Code { get; } = code;

    public string? Argument { get; } = argument;
}
