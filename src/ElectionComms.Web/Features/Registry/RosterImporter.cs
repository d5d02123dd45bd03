using ElectionComms.Domain.Registry;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElectionComms.Web.Features.Registry;

/// <summary>
/// Previews and applies a roster file. Both stream the file once (a row at a time), stage the valid rows with COPY
/// and compare them with the registry in SQL; apply then writes the changes set-based from the staging table with one
/// audit row per person (<see cref="RosterWrite"/>), all in one transaction: everything valid is written, or nothing.
/// See docs/adr/0012-registry-import-staging.md and docs/adr/0013-registry-import-bulk-write.md.
/// </summary>
public sealed partial class RosterImporter(AppDbContext db, ILogger<RosterImporter> logger)
{
    public Task<ImportOutcome> PreviewAsync(int electionId, string path, TableFormat format, ImportMode mode, CancellationToken cancellationToken) =>
        RunAsync(electionId, path, format, mode, expected: null, confirmation: null, endReason: string.Empty, cancellationToken);

    /// <summary>
    /// Validates again and writes, unless the outcome differs from <paramref name="expected"/> (the preview) or the
    /// people it would end were not confirmed (<see cref="RosterEnding"/>).
    /// </summary>
    public Task<ImportOutcome> ApplyAsync(
        int electionId, string path, TableFormat format, ImportMode mode, ImportOutcome expected, EndingConfirmation confirmation,
        string endReason, CancellationToken cancellationToken) =>
        RunAsync(electionId, path, format, mode, expected, confirmation, endReason, cancellationToken);

    /// <summary>
    /// Rows made in code (the demo seed) go through the same staging, checks and audited bulk write as a file, without
    /// a preview: everything valid is written at once.
    /// </summary>
    internal Task<ImportOutcome> ApplyRowsAsync(
        int electionId, IAsyncEnumerable<RosterRow> rows, ImportMode mode, string endReason, CancellationToken cancellationToken)
    {
        var read = 0;
        async IAsyncEnumerable<RosterRow> Counted()
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                read++;
                yield return row;
            }
        }

        return RunAsync(electionId, Counted(), [], [], () => read, mode, expected: null, confirmation: null, write: true, endReason, cancellationToken);
    }

    private async Task<ImportOutcome> RunAsync(
        int electionId, string path, TableFormat format, ImportMode mode, ImportOutcome? expected, EndingConfirmation? confirmation,
        string endReason, CancellationToken cancellationToken)
    {
        // Loaded before the COPY starts: the connection serves one command at a time.
        var parser = new RosterRowParser(await UnitDirectory.LoadAsync(db, electionId, cancellationToken));
        var errors = new List<RowError>();
        var unread = new List<UnreadRow>();
        var rows = 0;

        async IAsyncEnumerable<RosterRow> ValidRows()
        {
            await foreach (var raw in RosterReader.ReadAsync(path, format, cancellationToken))
            {
                rows++;
                if (parser.Parse(raw, errors) is { } row)
                {
                    yield return row;
                }
                else
                {
                    unread.Add(parser.Identify(raw));
                }
            }
        }

        return await RunAsync(
            electionId, ValidRows(), errors, unread, () => rows, mode, expected, confirmation, write: expected is not null, endReason,
            cancellationToken);
    }

    /// <param name="expected">The preview's outcome: apply refuses when the picture changed since.</param>
    /// <param name="unread">Filled while <paramref name="validRows"/> is read: the rows that failed their own checks.</param>
    /// <param name="confirmation">What the clerk confirmed about the people a full roster ends; null for the demo seed.</param>
    private async Task<ImportOutcome> RunAsync(
        int electionId, IAsyncEnumerable<RosterRow> validRows, List<RowError> errors, List<UnreadRow> unread, Func<int> rowsRead,
        ImportMode mode, ImportOutcome? expected, EndingConfirmation? confirmation, bool write, string endReason,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var stage = new RosterStage((NpgsqlConnection)db.Database.GetDbConnection(), electionId, mode);
            await stage.CreateAsync(cancellationToken);
            try
            {
                await stage.CopyAsync(validRows, cancellationToken);
            }
            catch (RosterFileException refused)
            {
                LogRefused(logger, electionId, refused.Code);
                return ImportOutcome.Refused(refused.Code, refused.Argument);
            }

            await stage.CopyUnreadAsync(unread, cancellationToken);
            await stage.CheckAsync(cancellationToken);
            errors.AddRange(await stage.ProblemsAsync(cancellationToken));
            var (added, changed, unchanged, ended) = await stage.CountAsync(cancellationToken);
            var rows = rowsRead();
            var outcome = new ImportOutcome(
                added, changed, unchanged, ended, rows, [.. errors.OrderBy(e => e.Row)],
                EndedIds: await stage.EndedAsync(cancellationToken), Active: await stage.ActiveAsync(cancellationToken));
            if (!write)
            {
                LogPreviewed(logger, electionId, rows, added, changed, unchanged, ended, outcome.Invalid);
                return outcome;
            }

            if (expected is not null && !outcome.SameCountsAs(expected))
            {
                return outcome with { FileError = "ChangedSincePreview" };
            }

            if (confirmation is not null
                && RosterEnding.Refusal(outcome.Ended, outcome.Active, confirmation.Count, confirmation.Many) is { } refusal)
            {
                return outcome with { FileError = refusal, FileErrorArgument = outcome.Ended.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) };
            }

            try
            {
                // As Person.End does, the reason is checked only when somebody is ended.
                var reason = outcome.Ended > 0 ? Person.CheckedEndReason(endReason) : endReason;
                var (actor, now) = db.AuditContext();
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                await new RosterWrite(connection, stage, db.Model.FindEntityType(typeof(Person))!, actor, now)
                    .RunAsync(electionId, mode, reason, cancellationToken);
                db.ReadModelsChanged();
                await transaction.CommitAsync(cancellationToken);
            }
            catch (PostgresException exception)
            {
                LogApplyFailed(logger, exception, electionId);
                return outcome with { FileError = "ApplyFailed" };
            }

            LogApplied(logger, electionId, rows, added, changed, unchanged, ended, outcome.Invalid);
            return outcome;
        }
        finally
        {
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync();
        }
    }

    // Counts only: a roster's names and numbers never reach the log (§10).
    [LoggerMessage(Level = LogLevel.Information, Message = "Roster preview for election {ElectionId}: {Rows} rows, {Added} new, {Changed} changed, {Unchanged} unchanged, {Ended} ended, {Invalid} invalid")]
    private static partial void LogPreviewed(ILogger logger, int electionId, int rows, int added, int changed, int unchanged, int ended, int invalid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster applied to election {ElectionId}: {Rows} rows, {Added} new, {Changed} changed, {Unchanged} unchanged, {Ended} ended, {Invalid} invalid rows skipped")]
    private static partial void LogApplied(ILogger logger, int electionId, int rows, int added, int changed, int unchanged, int ended, int invalid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster file refused for election {ElectionId}: {Code}")]
    private static partial void LogRefused(ILogger logger, int electionId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster apply for election {ElectionId} rolled back")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, int electionId);
}
