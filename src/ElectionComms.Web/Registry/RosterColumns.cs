using System.Globalization;
using System.Text;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;

namespace ElectionComms.Web.Registry;

public enum RosterColumn
{
    FullName = 1,
    Phone = 2,
    Role = 3,
    Level = 4,
    Unit = 5,
    MandateFrom = 6,
    MandateTo = 7,
}

/// <summary>
/// The roster file's vocabulary: column headers and the words accepted for roles and levels, in Albanian (the
/// template's language) and English. Matching ignores case, spaces, underscores and the diacritics of ë and ç.
/// </summary>
public static class RosterColumns
{
    /// <summary>The template's headers, in file order.</summary>
    public static readonly IReadOnlyList<(RosterColumn Column, string Header, string English)> All =
    [
        (RosterColumn.FullName, "emri_plote", "full_name"),
        (RosterColumn.Phone, "telefoni", "phone"),
        (RosterColumn.Role, "roli", "role"),
        (RosterColumn.Level, "niveli", "level"),
        (RosterColumn.Unit, "njesia", "unit"),
        (RosterColumn.MandateFrom, "mandati_nga", "mandate_from"),
        (RosterColumn.MandateTo, "mandati_deri", "mandate_to"),
    ];

    public static readonly IReadOnlySet<RosterColumn> Optional = new HashSet<RosterColumn> { RosterColumn.MandateTo };

    private static readonly Dictionary<string, UnitRole> Roles = new(StringComparer.Ordinal)
    {
        ["kryetar"] = UnitRole.Chair,
        ["kryetare"] = UnitRole.Chair,
        ["chair"] = UnitRole.Chair,
        ["zevendeskryetar"] = UnitRole.DeputyChair,
        ["zevendeskryetare"] = UnitRole.DeputyChair,
        ["deputychair"] = UnitRole.DeputyChair,
        ["sekretar"] = UnitRole.Secretary,
        ["sekretare"] = UnitRole.Secretary,
        ["secretary"] = UnitRole.Secretary,
        ["anetar"] = UnitRole.Member,
        ["anetare"] = UnitRole.Member,
        ["member"] = UnitRole.Member,
        ["numerues"] = UnitRole.Counter,
        ["numeruese"] = UnitRole.Counter,
        ["counter"] = UnitRole.Counter,
        ["operator"] = UnitRole.Operator,
        ["operatore"] = UnitRole.Operator,
    };

    private static readonly Dictionary<string, AdministrationLevel> Levels = new(StringComparer.Ordinal)
    {
        ["kzaz"] = AdministrationLevel.Kzaz,
        ["kqv"] = AdministrationLevel.Kqv,
        ["gnv"] = AdministrationLevel.Gnv,
        ["stafteknik"] = AdministrationLevel.TechnicalStaff,
        ["technicalstaff"] = AdministrationLevel.TechnicalStaff,
        ["teknik"] = AdministrationLevel.TechnicalStaff,
    };

    public static RosterColumn? ColumnOf(string? header)
    {
        var key = Key(header);
        foreach (var (column, albanian, english) in All)
        {
            if (key == Key(albanian) || key == Key(english))
            {
                return column;
            }
        }

        return null;
    }

    public static string Header(RosterColumn column) => All.First(c => c.Column == column).Header;

    public static UnitRole? RoleOf(string? text) => Roles.TryGetValue(Key(text), out var role) ? role : null;

    public static AdministrationLevel? LevelOf(string? text) => Levels.TryGetValue(Key(text), out var level) ? level : null;

    /// <summary>The template's word for a role or level (Albanian), as written in an example row.</summary>
    public static string Word(UnitRole role) => Roles.First(r => r.Value == role).Key;

    /// <summary>Lower case, no spaces, underscores or hyphens, ë → e and ç → c: "Zëvendës Kryetar" → "zevendeskryetar".</summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
        {
            if (char.IsWhiteSpace(c) || c is '_' or '-' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark
                || c == '\uFEFF')
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
