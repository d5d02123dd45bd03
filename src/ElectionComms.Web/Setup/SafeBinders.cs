using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace ElectionComms.Web.Setup;

/// <summary>
/// Binders for values a user can type into an address or a form (issue 11 item 6: no hand-edited URL gives a 500).
/// Text loses NUL characters, which PostgreSQL refuses in any text value, so a search for "%00" is a search and not a
/// server error. A yes/no value that is not one ("?mine=abc") becomes a model error in the user's language, and the
/// form shows the field as unset: ASP.NET Core's own binder keeps the junk as the field's raw value, and the checkbox
/// tag helper then throws converting it back to bool.
/// </summary>
public sealed class SafeBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        // An explicit binder, a body, a header, a file or a service is bound as ASP.NET Core binds it.
        if (context.BindingInfo.BinderType is not null || context.BindingInfo.BindingSource is { IsGreedy: true })
        {
            return null;
        }

        var type = context.Metadata.ModelType;
        if (type == typeof(string))
        {
            return new NulFreeStringBinder();
        }

        return type == typeof(bool) || type == typeof(bool?) ? new LenientBooleanBinder() : null;
    }

    /// <summary>Strings as ASP.NET Core binds them (blank is null unless the metadata says otherwise), without NUL.</summary>
    private sealed class NulFreeStringBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (result == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            var values = new StringValues(result.Values.Select(v => v?.Replace("\0", string.Empty, StringComparison.Ordinal)).ToArray());
            var clean = new ValueProviderResult(values, result.Culture);
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, clean);
            var value = clean.FirstValue;
            bindingContext.Result = ModelBindingResult.Success(
                bindingContext.ModelMetadata.ConvertEmptyStringToNull && string.IsNullOrWhiteSpace(value) ? null : value);
            return Task.CompletedTask;
        }
    }

    /// <summary>"true"/"false" (any case, as bool.TryParse reads them); anything else is a model error, not a crash.</summary>
    private sealed class LenientBooleanBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (result == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            var metadata = bindingContext.ModelMetadata;
            var text = result.FirstValue;
            if (string.IsNullOrWhiteSpace(text) && metadata.IsReferenceOrNullableType)
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
                bindingContext.Result = ModelBindingResult.Success(null);
                return Task.CompletedTask;
            }

            if (bool.TryParse(text, out var value))
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
                bindingContext.Result = ModelBindingResult.Success(value);
                return Task.CompletedTask;
            }

            // The typed text stays for display, but no raw value that a tag helper would try to convert back.
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, attemptedValue: text);
            bindingContext.ModelState.TryAddModelError(
                bindingContext.ModelName,
                string.IsNullOrWhiteSpace(text)
                    ? metadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(text ?? string.Empty)
                    : metadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, metadata.GetDisplayName()));
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }
}
