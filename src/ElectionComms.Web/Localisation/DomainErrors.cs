using System.Globalization;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Localisation;

/// <summary>Turns a broken domain rule into a sentence in the user's language.</summary>
public sealed class DomainErrors(IStringLocalizer<Strings> localizer)
{
    public string Describe(DomainException exception)
    {
        var arguments = exception.Arguments.Select(Localise).ToArray();
        var text = localizer["Error." + exception.Code, arguments];
        return text.ResourceNotFound ? localizer["Error.Unknown", exception.Code] : text;
    }

    private object Localise(object argument) => argument switch
    {
        Enum value => localizer[$"{value.GetType().Name}.{value}"].Value,
        DateOnly date => date.ToString("d", CultureInfo.CurrentCulture),
        // Roles are string constants, not an enum, but read like one ("Role.Director").
        string role when StaffRole.IsKnown(role) => localizer["Role." + role].Value,
        _ => argument,
    };
}
