using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ElectionComms.Web.Data.Audit;

/// <summary>
/// The one mechanism that turns every tracked change of domain data into audit rows (§12). It captures the change
/// before saving (old values still known) and writes rows after, when generated ids exist; both happen inside one
/// transaction opened by <see cref="AppDbContext"/>.
/// </summary>
internal static class AuditTrail
{
    /// <summary>Stands for a secret's new value in <see cref="AuditEntry.Details"/>.</summary>
    public const string SecretChanged = "***";

    /// <summary>The verbs of every action name, which is always "{entity}.{verb}" (tracked and bulk writes alike).</summary>
    public static readonly IReadOnlyList<string> Verbs = [Created, Updated, Deleted];

    public const string Created = nameof(Created);
    public const string Updated = nameof(Updated);
    public const string Deleted = nameof(Deleted);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static List<PendingAudit> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var pending = new List<PendingAudit>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry || entry.State is EntityState.Detached or EntityState.Unchanged)
            {
                continue;
            }

            var changes = Describe(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            pending.Add(new PendingAudit(entry, entry.State, changes));
        }

        return pending;
    }

    public static AuditEntry ToRow(PendingAudit pending, AuditActor actor, DateTimeOffset now)
    {
        var entity = EntityName(pending.Entry);
        var verb = pending.State switch
        {
            EntityState.Added => Created,
            EntityState.Deleted => Deleted,
            _ => Updated,
        };
        return new AuditEntry
        {
            OccurredAt = now,
            ActorId = actor.Id,
            ActorName = Truncate(actor.Name, AuditEntry.ActorNameMaxLength),
            Action = $"{entity}.{verb}",
            Entity = entity,
            EntityId = Truncate(KeyOf(pending.Entry), AuditEntry.EntityIdMaxLength),
            Details = JsonSerializer.Serialize(pending.Changes, Json),
        };
    }

    /// <summary>
    /// The details of an entity created by a bulk SQL write (roster import, ADR 0013): the same properties, order and
    /// masking as a tracked <see cref="EntityState.Added"/> entity.
    /// </summary>
    public static string DescribeCreated(IEntityType type, Func<string, object?> valueOf)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in Recorded(type))
        {
            changes[property.Name] = Show(valueOf(property.Name), property.GetAuditVisibility());
        }

        return JsonSerializer.Serialize(changes, Json);
    }

    /// <summary>The details of a bulk SQL update: the changed properties as [old, new], masked like a tracked update.</summary>
    public static string DescribeUpdated(IEntityType type, Func<string, (object? Old, object? New)> valuesOf)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in Recorded(type))
        {
            var (original, current) = valuesOf(property.Name);
            if (!Equals(original, current))
            {
                var visibility = property.GetAuditVisibility();
                changes[property.Name] = new[] { Show(original, visibility), Show(current, visibility) };
            }
        }

        return JsonSerializer.Serialize(changes, Json);
    }

    private static IEnumerable<IProperty> Recorded(IEntityType type) =>
        type.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsConcurrencyToken && p.GetAuditVisibility() != AuditVisibility.Excluded);

    private static SortedDictionary<string, object?> Describe(EntityEntry entry)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var visibility = property.Metadata.GetAuditVisibility();
            // Keys go to EntityId; concurrency tokens (xmin, stamps) are bookkeeping, not facts.
            if (property.Metadata.IsPrimaryKey() || property.Metadata.IsConcurrencyToken)
            {
                continue;
            }

            // A secret (password hash, authenticator key) is recorded as changed, never with its value, so that a
            // password or second-factor reset still leaves a row even when nothing else on the record changed.
            if (visibility == AuditVisibility.Excluded)
            {
                if (entry.State == EntityState.Modified && property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                {
                    changes[property.Metadata.Name] = SecretChanged;
                }

                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    changes[property.Metadata.Name] = Show(property.CurrentValue, visibility);
                    break;
                case EntityState.Deleted:
                    changes[property.Metadata.Name] = Show(property.OriginalValue, visibility);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[property.Metadata.Name] = new[]
                    {
                        Show(property.OriginalValue, visibility),
                        Show(property.CurrentValue, visibility),
                    };
                    break;
            }
        }

        return changes;
    }

    private static object? Show(object? value, AuditVisibility visibility)
    {
        if (visibility != AuditVisibility.Masked || value is null)
        {
            return value is Enum ? value.ToString() : value;
        }

        var text = value.ToString() ?? string.Empty;
        return text.Length <= 2 ? "**" : new string('*', text.Length - 2) + text[^2..];
    }

    private static string EntityName(EntityEntry entry) => EntityName(entry.Metadata.ClrType);

    /// <summary>The entity part of an action name: the CLR type's name without generic arity.</summary>
    public static string EntityName(Type type) =>
        type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return string.Empty;
        }

        return string.Join("|", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

internal sealed record PendingAudit(EntityEntry Entry, EntityState State, SortedDictionary<string, object?> Changes);
