using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Localisation;

/// <summary>
/// Every message about a value the user gave comes from the resource files (issue 11 item 9): the model-binding
/// messages (a value that is not a number, a date, one of the choices), and the validation attributes, the ones
/// written without a message and the [Required] that ASP.NET Core infers for a non-nullable field included.
/// <see cref="ValidationMessageKeys"/> names the keys.
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

    /// <summary>The browser's messages (data-val-*): registered after the data-annotations client provider.</summary>
    public static void Apply(MvcViewOptions options) => options.ClientModelValidatorProviders.Add(new KeyedClientValidatorProvider());

    /// <summary>
    /// Gives every validation attribute without a message the key of its kind. Added after the data-annotations
    /// provider, so it also sees the [Required] that provider infers for non-nullable strings.
    /// </summary>
    private sealed class KeyedValidationMetadataProvider : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceName is null && attribute.ErrorMessageResourceType is null)
                {
                    attribute.ErrorMessage = ValidationMessageKeys.For(attribute);
                }
            }
        }
    }

    /// <summary>
    /// A non-nullable value type (bool, int, an enum) has no [Required] of its own; for its data-val-required the
    /// data-annotations client provider makes a fresh, message-less one, which would print English. This provider,
    /// after it, gives that one the key. Only the browser's message changes: on the server a value type is never null
    /// and no validator is added (one would fire on every unbound page number).
    /// </summary>
    private sealed class KeyedClientValidatorProvider : IClientModelValidatorProvider
    {
        public void CreateValidators(ClientValidatorProviderContext context)
        {
            foreach (var item in context.Results)
            {
                if (item.Validator is RequiredAttributeAdapter { Attribute: { ErrorMessage: null } attribute })
                {
                    attribute.ErrorMessage = ValidationMessageKeys.Required;
                }
            }
        }
    }
}
