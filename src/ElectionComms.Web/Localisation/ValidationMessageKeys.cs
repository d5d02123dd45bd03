using System.ComponentModel.DataAnnotations;

namespace ElectionComms.Web.Localisation;

/// <summary>
/// The resource keys of every validation and model-binding message (Strings.resx, Albanian; Strings.en.resx, English).
/// An attribute written without an ErrorMessage, and the [Required] ASP.NET Core infers for a non-nullable field, get
/// the key of their kind here, so no framework default in English reaches the page (issue 11 item 9).
/// </summary>
public static class ValidationMessageKeys
{
    public const string Required = "Validation.Required";
    public const string MaxLength = "Validation.MaxLength";
    public const string MinLength = "Validation.MinLength";
    public const string LengthBetween = "Validation.LengthBetween";
    public const string Range = "Validation.Range";
    public const string Email = "Validation.Email";
    public const string Compare = "Validation.Compare";
    public const string Format = "Validation.Format";
    public const string Invalid = "Validation.Invalid";

    // Model binding: a value that cannot be read as the field's type.
    public const string ValueInvalid = "Validation.ValueInvalid";
    public const string ValueInvalidNoField = "Validation.ValueInvalidNoField";
    public const string ValueUnknown = "Validation.ValueUnknown";
    public const string ValueUnknownNoField = "Validation.ValueUnknownNoField";
    public const string ValueNotNumber = "Validation.ValueNotNumber";
    public const string ValueNotNumberNoField = "Validation.ValueNotNumberNoField";
    public const string ValueMissing = "Validation.ValueMissing";
    public const string ValueNotGiven = "Validation.ValueNotGiven";
    public const string BodyMissing = "Validation.BodyMissing";

    /// <summary>The key for an attribute's message; its arguments are those the attribute formats ({0} the field's name).</summary>
    public static string For(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => Required,
        StringLengthAttribute { MinimumLength: > 0 } => LengthBetween,
        StringLengthAttribute or MaxLengthAttribute => MaxLength,
        MinLengthAttribute => MinLength,
        RangeAttribute => Range,
        EmailAddressAttribute => Email,
        CompareAttribute => Compare,
        RegularExpressionAttribute or DataTypeAttribute => Format,
        _ => Invalid,
    };
}
