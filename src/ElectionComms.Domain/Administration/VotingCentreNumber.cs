using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Administration;

/// <summary>
/// A voting centre's number as the KQZ writes it: four digits (<c>0119</c>), or four digits, a slash and a
/// sub-number when a centre is split (<c>0119/1</c>).
/// </summary>
public readonly partial record struct VotingCentreNumber
{
    public const int MaxLength = 8;

    private VotingCentreNumber(string value) => Value = value;

    public string Value { get; }

    public static VotingCentreNumber Parse(string? text) =>
        TryParse(text, out var number) ? number : throw new DomainException("Kqv.NumberInvalid", text ?? string.Empty);

    public static bool TryParse(string? text, [NotNullWhen(true)] out VotingCentreNumber number)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        var match = Pattern().Match(trimmed);
        if (!match.Success || int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            number = default;
            return false;
        }

        number = new VotingCentreNumber(trimmed);
        return true;
    }

    public override string ToString() => Value;

    [GeneratedRegex(@"^(\d{4})(/[1-9]\d?)?$")]
    private static partial Regex Pattern();
}
