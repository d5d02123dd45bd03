using System.Collections;
using System.Globalization;
using System.Resources;
using ElectionComms.Web.Data;
using ElectionComms.Web.Data.Audit;
using ElectionComms.Web.Localisation;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionComms.Web.Tests.Data;

/// <summary>
/// Issue 11: the trail is read in words. Every action the audit mechanism can write (each audited entity type ×
/// each verb, tracked or bulk) and every property a history panel shows has words in Albanian and in English, so
/// a new entity or property without them fails here instead of showing "Thing.Created" to a user.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AuditWordsTests(PortalFactory portal)
{
    // The entities whose rows the history panels show (person, group, members, official account) and the staff edit.
    private static readonly string[] PanelEntities =
        ["Person", "Group", "GroupOfficer", "TransmitGrant", "GroupMembership", "OfficialAccount", "StaffMember"];

    [Fact]
    public void Every_action_the_trail_can_write_has_words_in_both_languages()
    {
        var missing = new List<string>();
        foreach (var (culture, keys) in ResourceSets())
        {
            foreach (var action in Actions())
            {
                var (entity, verb) = (action[..action.LastIndexOf('.')], action[(action.LastIndexOf('.') + 1)..]);
                var own = keys.Contains(AuditText.ActionPrefix + action);
                var composed = keys.Contains(AuditText.VerbPrefix + verb) && keys.Contains(AuditText.EntityPrefix + entity);
                if (!own && !composed)
                {
                    missing.Add($"{culture}: {AuditText.EntityPrefix}{entity} (or {AuditText.ActionPrefix}{action})");
                }
            }
        }

        Assert.True(Actions().Count > 60, "The model lists too few audited entity types");
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing.Distinct()));
    }

    [Fact]
    public void Every_property_a_history_panel_shows_has_a_label_in_both_languages()
    {
        var model = Model();
        var missing = new List<string>();
        foreach (var (culture, keys) in ResourceSets())
        {
            foreach (var type in model.GetEntityTypes().Where(t => PanelEntities.Contains(AuditTrail.EntityName(t.ClrType))))
            {
                var entity = AuditTrail.EntityName(type.ClrType);
                foreach (var property in type.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsConcurrencyToken && p.GetAuditVisibility() != AuditVisibility.Excluded))
                {
                    if (!keys.Contains($"{AuditText.FieldPrefix}{entity}.{property.Name}") && !keys.Contains(AuditText.FieldPrefix + property.Name))
                    {
                        missing.Add($"{culture}: {AuditText.FieldPrefix}{property.Name} ({entity})");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing.Distinct()));
    }

    [Fact]
    public void Unknown_actions_and_properties_fall_back_to_words_and_bad_details_do_not_throw()
    {
        Assert.Equal("Phone number", AuditText.Words("PhoneNumber"));
        Assert.Equal("Thing created", AuditText.Words("Thing.Created"));
    }

    private List<string> Actions() =>
    [
        .. Model().GetEntityTypes()
            .Where(t => t.ClrType != typeof(AuditEntry) && !t.HasSharedClrType && !t.IsOwned() && t.FindPrimaryKey() is not null)
            .SelectMany(t => AuditTrail.Verbs.Select(v => $"{AuditTrail.EntityName(t.ClrType)}.{v}"))
            .Distinct(),
    ];

    private IModel Model()
    {
        using var scope = portal.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
    }

    // The Albanian set is the neutral resource; the English one must hold each key itself (no fallback).
    private static IEnumerable<(string Culture, HashSet<string> Keys)> ResourceSets()
    {
        var manager = new ResourceManager("ElectionComms.Web.Resources.Localisation.Strings", typeof(Strings).Assembly);
        foreach (var culture in new[] { CultureInfo.InvariantCulture, new CultureInfo("en") })
        {
            var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
            var keys = set.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);
            yield return (culture.Name.Length == 0 ? "sq" : culture.Name, keys);
        }
    }
}
