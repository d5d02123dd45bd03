using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionComms.Web.Data.Audit;

/// <summary>How a property appears in the audit trail: in full (default), masked (personal data, §10) or not at all.</summary>
public enum AuditVisibility
{
    Full = 0,
    Masked = 1,
    Excluded = 2,
}

public static class AuditAnnotations
{
    private const string Key = "ElectionComms:Audit";

    /// <summary>Secrets such as password hashes never reach the trail.</summary>
    public static PropertyBuilder<T> ExcludedFromAudit<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(Key, Audit.AuditVisibility.Excluded);

    /// <summary>Personal data is recorded as changed, with only its last two characters.</summary>
    public static PropertyBuilder<T> MaskedInAudit<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(Key, Audit.AuditVisibility.Masked);

    public static AuditVisibility GetAuditVisibility(this IReadOnlyProperty property) =>
        property.FindAnnotation(Key)?.Value is AuditVisibility visibility ? visibility : Audit.AuditVisibility.Full;
}
