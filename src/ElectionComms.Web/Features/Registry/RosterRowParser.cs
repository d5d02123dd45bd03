using System.Globalization;
using ElectionComms.Domain.Registry;

namespace ElectionComms.Web.Features.Registry;

/// <summary>Checks one row on its own (every cell, every problem reported); the checks across rows happen in SQL.</summary>
public sealed class RosterRowParser(UnitDirectory units)
{
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "yyyy-M-d"];

    public RosterRow? Parse(RawRow row, List<RowError> errors)
    {
        var before = errors.Count;
        foreach (var column in row.Cells.Keys)
        {
            if (row.Formulas.Contains(column))
            {
                errors.Add(new RowError(row.Number, RosterColumns.Header(column), "Formula", Value: Shown(column, row.Cells[column])));
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        var name = NameOf(row);
        if (name.Length == 0)
        {
            Add(errors, row, RosterColumn.FullName, "NameRequired");
        }
        else if (name.Length > Person.FullNameMaxLength)
        {
            Add(errors, row, RosterColumn.FullName, "NameTooLong", Person.FullNameMaxLength.ToString(CultureInfo.InvariantCulture), name);
        }

        var phone = Common.PhoneNumbers.Normalise(Cell(row, RosterColumn.Phone));
        if (!phone.IsValid)
        {
            Add(errors, row, RosterColumn.Phone, "Phone" + phone.Problem, value: Common.PhoneNumbers.MaskTyped(Cell(row, RosterColumn.Phone)));
        }

        var role = RosterColumns.RoleOf(Cell(row, RosterColumn.Role));
        if (role is null)
        {
            Add(errors, row, RosterColumn.Role, "UnknownRole", RosterColumns.RoleWords, Cell(row, RosterColumn.Role));
        }

        var level = RosterColumns.LevelOf(Cell(row, RosterColumn.Level));
        int? unit = null;
        if (level is null)
        {
            Add(errors, row, RosterColumn.Level, "UnknownLevel", value: Cell(row, RosterColumn.Level));
        }
        else
        {
            var unitText = Cell(row, RosterColumn.Unit);
            unit = unitText.Length == 0 ? null : units.Find(level.Value, unitText);
            if (unit is null)
            {
                Add(errors, row, RosterColumn.Unit, unitText.Length == 0 ? "UnitRequired" : "UnknownUnit", value: unitText);
            }
        }

        var from = Date(row, RosterColumn.MandateFrom, required: true, errors);
        var to = Date(row, RosterColumn.MandateTo, required: false, errors);
        if (from is { } start && to is { } end && end < start)
        {
            Add(errors, row, RosterColumn.MandateTo, "MandateEndsBeforeStart", Cell(row, RosterColumn.MandateFrom), Cell(row, RosterColumn.MandateTo));
        }

        return errors.Count > before
            ? null
            : new RosterRow(row.Number, name, phone.E164!, role!.Value, level!.Value, unit!.Value, from!.Value, to);
    }

    /// <summary>
    /// What identifies the person of a row that failed its checks, from the cells that did parse (any may be null):
    /// a full roster never ends a person such a row might name (ADR 0018).
    /// </summary>
    public UnreadRow Identify(RawRow row)
    {
        var name = NameOf(row);
        var phone = Common.PhoneNumbers.Normalise(Cell(row, RosterColumn.Phone));
        var level = RosterColumns.LevelOf(Cell(row, RosterColumn.Level));
        var unitText = Cell(row, RosterColumn.Unit);
        var unit = level is null || unitText.Length == 0 ? null : units.Find(level.Value, unitText);
        return new UnreadRow(row.Number, name.Length == 0 ? null : name, phone.E164, unit is null ? null : level, unit);
    }

    /// <summary>The full name with its spaces folded; "emër" and "mbiemër" columns are joined when there is no full name.</summary>
    private static string NameOf(RawRow row)
    {
        var full = Cell(row, RosterColumn.FullName);
        if (full.Length == 0)
        {
            full = Cell(row, RosterColumn.GivenName) + " " + Cell(row, RosterColumn.Surname);
        }

        return string.Join(' ', full.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A cell's value for a message: a phone number masked (§10), anything else as typed.</summary>
    private static string Shown(RosterColumn column, string? value) =>
        column == RosterColumn.Phone ? Common.PhoneNumbers.MaskTyped(value) : value?.Trim() ?? string.Empty;

    private static string Cell(RawRow row, RosterColumn column) =>
        row.Cells.TryGetValue(column, out var value) ? value?.Trim() ?? string.Empty : string.Empty;

    private static DateOnly? Date(RawRow row, RosterColumn column, bool required, List<RowError> errors)
    {
        var text = Cell(row, column);
        if (text.Length == 0)
        {
            if (required)
            {
                Add(errors, row, column, "DateRequired");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // A spreadsheet date that reached us as its serial number (days since 1899-12-30).
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 20_000 and < 80_000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        Add(errors, row, column, "DateInvalid", value: text);
        return null;
    }

    private static void Add(List<RowError> errors, RawRow row, RosterColumn column, string code, string? argument = null, string? value = null) =>
        errors.Add(new RowError(row.Number, RosterColumns.Header(column), code, argument, value));
}
