using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Localisation;

/// <summary>
/// Every message about a value the user gave comes from the resource files (issue 11 item 9): the model-binding
/// messages (a value that is not a number, a date, one of the choices), and the validation attributes, the ones
/// written without a message and the [Required] that ASP.NET Core infers for a non-nullable field included.
/// </summary>
public static class ValidationMessages
{
    public static void Apply(MvcOptions options, IStringLocalizer strings)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => strings[ValidationMessageKeys.ValueInvalid, value, field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => strings[ValidationMessageKeys.ValueInvalidNoField, value]);
        messages.SetValueIsInvalidAccessor(value => strings[ValidationMessageKeys.ValueInvalidNoField, value]);
        messages.SetUnknownValueIsInvalidAccessor(field => strings[ValidationMessageKeys.ValueUnknown, field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => strings[ValidationMessageKeys.ValueUnknownNoField]);
        messages.SetValueMustBeANumberAccessor(field => strings[ValidationMessageKeys.ValueNotNumber, field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => strings[ValidationMessageKeys.ValueNotNumberNoField]);
        messages.SetValueMustNotBeNullAccessor(_ => strings[ValidationMessageKeys.ValueMissing]);
        messages.SetMissingBindRequiredValueAccessor(field => strings[ValidationMessageKeys.ValueNotGiven, field]);
        messages.SetMissingKeyOrValueAccessor(() => strings[ValidationMessageKeys.ValueMissing]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => strings[ValidationMessageKeys.BodyMissing]);
        options.ModelMetadataDetailsProviders.Add(new KeyedValidationMetadataProvider());
    }

    /// <summary>
    /// Gives every validation attribute without a message the key of its kind, and a keyed [Required] to a non-nullable
    /// value-type property (bool, int, enum), which ASP.NET Core would otherwise describe with a fresh English
    /// [Required] in its data-val-required attribute. Server-side nothing changes: a value type is never null.
    /// Added after the data-annotations provider, so it also sees the [Required] inferred for non-nullable strings.
    /// </summary>
    private sealed class KeyedValidationMetadataProvider : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            var validators = context.ValidationMetadata.ValidatorMetadata;
            foreach (var attribute in validators.OfType<ValidationAttribute>())
            {
                if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceName is null && attribute.ErrorMessageResourceType is null)
                {
                    attribute.ErrorMessage = ValidationMessageKeys.For(attribute);
                }
            }

            var type = context.Key.ModelType;
            if (context.Key.MetadataKind == ModelMetadataKind.Property && type.IsValueType && Nullable.GetUnderlyingType(type) is null
                && !validators.OfType<RequiredAttribute>().Any())
            {
                validators.Add(new RequiredAttribute { ErrorMessage = ValidationMessageKeys.Required });
            }
        }
    }
}
