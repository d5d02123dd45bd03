using System.Globalization;
using System.Text;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Registry;

namespace ElectionComms.Web.Features.Registry;

public enum RosterColumn
{
    FullName = 1,
    Phone = 2,
    Role = 3,
    Level = 4,
    Unit = 5,
    MandateFrom = 6,
    MandateTo = 7,

    /// <summary>"Emër" and "Mbiemër" in two columns, joined into the full name when there is no full-name column.</summary>
    GivenName = 8,
    Surname = 9,
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

    /// <summary>
    /// Other headers a clerk types for the same columns (compared by <see cref="Key"/>, so with or without ë and ç,
    /// spaces or underscores): "Emër", "Numër telefoni", "Rol", … Given name and surname are columns of their own.
    /// </summary>
    private static readonly IReadOnlyList<(RosterColumn Column, string Header)> Aliases =
    [
        (RosterColumn.FullName, "emri i plotë"), (RosterColumn.FullName, "emër mbiemër"), (RosterColumn.FullName, "emri dhe mbiemri"),
        (RosterColumn.FullName, "emri mbiemri"), (RosterColumn.FullName, "name"),
        (RosterColumn.GivenName, "emër"), (RosterColumn.GivenName, "emri"), (RosterColumn.GivenName, "given name"),
        (RosterColumn.GivenName, "first name"),
        (RosterColumn.Surname, "mbiemër"), (RosterColumn.Surname, "mbiemri"), (RosterColumn.Surname, "surname"),
        (RosterColumn.Surname, "last name"),
        (RosterColumn.Phone, "telefon"), (RosterColumn.Phone, "numër telefoni"), (RosterColumn.Phone, "numri i telefonit"),
        (RosterColumn.Phone, "nr. telefoni"), (RosterColumn.Phone, "nr telefoni"), (RosterColumn.Phone, "celular"),
        (RosterColumn.Phone, "phone number"),
        (RosterColumn.Role, "rol"), (RosterColumn.Role, "funksioni"),
        (RosterColumn.Level, "nivel"),
        (RosterColumn.Unit, "njësi"), (RosterColumn.Unit, "njësia e administratës"),
        (RosterColumn.MandateFrom, "mandati nga"), (RosterColumn.MandateFrom, "fillimi i mandatit"),
        (RosterColumn.MandateFrom, "data e fillimit"),
        (RosterColumn.MandateTo, "mandati deri"), (RosterColumn.MandateTo, "mbarimi i mandatit"),
        (RosterColumn.MandateTo, "data e mbarimit"),
    ];

    public static readonly IReadOnlySet<RosterColumn> Optional = new HashSet<RosterColumn>
    {
        RosterColumn.MandateTo, RosterColumn.GivenName, RosterColumn.Surname,
    };

    /// <summary>
    /// The Albanian word for each role, as the import page and the unknown-role message write it (one list, so both
    /// spell it alike); <see cref="RoleOf"/> accepts each with or without ë and in the feminine.
    /// </summary>
    private static readonly IReadOnlyList<(UnitRole Role, string Word)> RoleSpellings =
    [
        (UnitRole.Chair, "kryetar"), (UnitRole.DeputyChair, "zëvendëskryetar"), (UnitRole.Secretary, "sekretar"),
        (UnitRole.Member, "anëtar"), (UnitRole.Counter, "numërues"), (UnitRole.Operator, "operator"),
    ];

    /// <summary>"kryetar, zëvendëskryetar, sekretar, anëtar, numërues, operator".</summary>
    public static string RoleWords { get; } = string.Join(", ", RoleSpellings.Select(r => r.Word));

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

        foreach (var (column, alias) in Aliases)
        {
            if (key == Key(alias))
            {
                return column;
            }
        }

        return null;
    }

    public static string Header(RosterColumn column) => column switch
    {
        RosterColumn.GivenName => "emër",
        RosterColumn.Surname => "mbiemër",
        _ => All.First(c => c.Column == column).Header,
    };

    public static UnitRole? RoleOf(string? text) => Roles.TryGetValue(Key(text), out var role) ? role : null;

    public static AdministrationLevel? LevelOf(string? text) => Levels.TryGetValue(Key(text), out var level) ? level : null;

    /// <summary>The Albanian word for a role, spelled as in <see cref="RoleWords"/>.</summary>
    public static string Word(UnitRole role) => RoleSpellings.First(r => r.Role == role).Word;

    /// <summary>Lower case, no spaces, underscores, hyphens or dots, ë → e and ç → c: "Zëvendës Kryetar" → "zevendeskryetar".</summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
        {
            if (char.IsWhiteSpace(c) || c is '_' or '-' or '.' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark
                || c == '\uFEFF')
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
