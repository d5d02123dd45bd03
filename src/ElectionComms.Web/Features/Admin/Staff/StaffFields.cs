using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Web.Features.Admin.Staff;

/// <summary>The fields that the create and edit forms share (rendered by _StaffFields.cshtml).</summary>
public class StaffFields
{
    /// <summary>ViewData key under which the page hands its <see cref="StaffFormOptions"/> to the partial.</summary>
    public const string OptionsKey = nameof(StaffFormOptions);

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(StaffMember.FullNameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Staff.FullName")]
    public string FullName { get; set; } = string.Empty;

    [StringLength(StaffMember.PositionMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Staff.Position")]
    public string? Position { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Staff.Rank")]
    public Rank? Rank { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Staff.Role")]
    public string Role { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Staff.Directorate")]
    public int? DirectorateId { get; set; }

    [Display(Name = "Staff.Superior")]
    public Guid? SuperiorId { get; set; }
}
