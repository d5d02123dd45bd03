using System.Globalization;
using System.Security.Claims;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Web.Auth;

/// <summary>The signed-in person as the access rules see them, read from the sign-in cookie's claims.</summary>
public sealed record CurrentStaff(Guid Id, string? Role, int DirectorateId, string DirectorateCode)
{
    public static CurrentStaff From(ClaimsPrincipal user)
    {
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : Guid.Empty;
        var directorate = int.TryParse(user.FindFirstValue(PortalClaims.DirectorateId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : 0;
        return new CurrentStaff(id, StaffRole.All.FirstOrDefault(user.IsInRole), directorate, user.FindFirstValue(PortalClaims.DirectorateCode) ?? string.Empty);
    }

    public bool Is(string role) => Role == role;

    /// <summary>§8: the director of the Directorate of Logistics and Digitalisation grants transmit access.</summary>
    public bool LeadsLogistics => Role == StaffRole.Director && DirectorateCode == Directorate.LogisticsAndDigitalisationCode;
}
