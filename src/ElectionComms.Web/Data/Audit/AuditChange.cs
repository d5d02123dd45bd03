using System.Text.Json;

namespace ElectionComms.Web.Data.Audit;

/// <summary>
/// One changed field of an audit row, read back from <see cref="AuditEntry.Details"/> for display: a created or
/// deleted row has only a value; an updated one has the value before and after.
/// </summary>
public sealed record AuditChange(string Field, string? Before, string? After)
{
    public static IReadOnlyList<AuditChange> Parse(string details)
    {
        using var document = JsonDocument.Parse(details);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return document.RootElement.EnumerateObject()
            .Select(p => p.Value is { ValueKind: JsonValueKind.Array } pair && pair.GetArrayLength() == 2
                ? new AuditChange(p.Name, Text(pair[0]), Text(pair[1]))
                : new AuditChange(p.Name, null, Text(p.Value)))
            .ToList();
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
