using System.Globalization;
using System.Text.Json;
using ElectionComms.Web.Localisation;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Data.Audit;

/// <summary>What the shared partial Features/Shared/_AuditChanges.cshtml needs of a stored audit entry.</summary>
public sealed record AuditEntryView(string Action, string Entity, string Details);

/// <summary>One change of an audit entry in words: the property's name and its value, or "old → new".</summary>
public sealed record AuditChange(string Field, string Value);

/// <summary>
/// Puts an audit entry into the reader's language at display time (§12: the trail must be readable by the people
/// who check it). The stored row is never changed: its exact text is what a later hash chain covers (ADR 0003).
/// Every history panel and the audit page use this one class; an unknown action, entity or property falls back to
/// its name split into words, never to an error.
/// </summary>
public sealed class AuditText(IStringLocalizer<Strings> localizer, AppDbContext db)
{
    /// <summary>Resource keys: AuditAction.{Entity}.{Verb} (a wording of its own) or AuditVerb.{Verb} + AuditEntity.{Entity}.</summary>
    public const string ActionPrefix = "AuditAction.";
    public const string VerbPrefix = "AuditVerb.";
    public const string EntityPrefix = "AuditEntity.";
    public const string FieldPrefix = "AuditField.";

    private readonly Dictionary<string, IEntityType?> types = new(StringComparer.Ordinal);

    /// <summary>"Person.Created" → "U regjistrua personi" / "Person registered".</summary>
    public string Action(string action)
    {
        if (Find(ActionPrefix + action) is { } own)
        {
            return own;
        }

        var dot = action.LastIndexOf('.');
        if (dot <= 0)
        {
            return Words(action);
        }

        var (entity, verb) = (action[..dot], action[(dot + 1)..]);
        return Find(VerbPrefix + verb) is { } template
            ? string.Format(CultureInfo.CurrentCulture, template, Entity(entity))
            : $"{Entity(entity)}: {Words(verb)}";
    }

    /// <summary>"GroupMembership" → "anëtarësia" / "membership".</summary>
    public string Entity(string entity) => Find(EntityPrefix + entity) ?? Words(entity);

    /// <summary>The label of a property: AuditField.{Entity}.{Property}, else AuditField.{Property}, else its name in words.</summary>
    public string Field(string entity, string property) =>
        Find($"{FieldPrefix}{entity}.{property}") ?? Find(FieldPrefix + property) ?? Words(property);

    /// <summary>The stored details as changes in words; text that is not a JSON object gives one row with the text.</summary>
    public IReadOnlyList<AuditChange> Changes(string entity, string details)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(details);
        }
        catch (JsonException)
        {
            return [new AuditChange(localizer["AuditText.Details"], details)];
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new AuditChange(localizer["AuditText.Details"], Value(entity, string.Empty, document.RootElement))];
            }

            var changes = new List<AuditChange>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                var text = value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2
                    ? $"{Value(entity, property.Name, value[0])} → {Value(entity, property.Name, value[1])}"
                    : Value(entity, property.Name, value);
                changes.Add(new AuditChange(Field(entity, property.Name), text));
            }

            return changes;
        }
    }

    private string Value(string entity, string property, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return localizer["AuditText.Empty"];
            case JsonValueKind.True:
                return localizer["Common.Yes"];
            case JsonValueKind.False:
                return localizer["Common.No"];
            case JsonValueKind.Number:
                return value.TryGetDecimal(out var number) ? number.ToString(CultureInfo.CurrentCulture) : value.GetRawText();
            case JsonValueKind.String:
                var text = value.GetString() ?? string.Empty;
                if (text == AuditTrail.SecretChanged)
                {
                    return localizer["AuditText.SecretChanged"];
                }

                return Typed(entity, property, text);
            default:
                return value.GetRawText();
        }
    }

    // Enum names in their resource ("MessageStatus.Draft"), times in Tirana time; everything else as stored.
    // Masked values ("*******12") arrive masked and stay so.
    private string Typed(string entity, string property, string text)
    {
        var type = TypeOf(entity)?.FindProperty(property)?.ClrType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type is { IsEnum: true } && Find($"{type.Name}.{text}") is { } named)
        {
            return named;
        }

        if ((type == typeof(DateTimeOffset) || type == typeof(DateTime))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return PortalTime.Display(at, seconds: true);
        }

        return text;
    }

    private IEntityType? TypeOf(string entity)
    {
        if (!types.TryGetValue(entity, out var type))
        {
            type = db.Model.GetEntityTypes().FirstOrDefault(t => !t.HasSharedClrType && AuditTrail.EntityName(t.ClrType) == entity);
            types[entity] = type;
        }

        return type;
    }

    private string? Find(string key)
    {
        var text = localizer[key];
        return text.ResourceNotFound ? null : text.Value;
    }

    // The raw view keeps ë and ç readable instead of \u00EB; Razor encodes the text for HTML.
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The stored JSON indented, for the auditor's raw view; text that is not JSON is shown as it is.</summary>
    public static string Pretty(string details)
    {
        try
        {
            using var document = JsonDocument.Parse(details);
            return JsonSerializer.Serialize(document.RootElement, Readable);
        }
        catch (JsonException)
        {
            return details;
        }
    }

    /// <summary>"PhoneNumber" → "Phone number": the readable fallback for a name without a resource.</summary>
    internal static string Words(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '.' or '_')
            {
                text.Append(' ');
            }
            else if (i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(i > 0 && name[i - 1] is '.' or '_' ? char.ToLowerInvariant(c) : c);
            }
        }

        return text.ToString();
    }
}
