using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;

namespace ElectionComms.Web.Data.Views;

/// <summary>PostgreSQL functions of the inventory (migration InventoryView), callable in LINQ queries.</summary>
public static class InventorySql
{
    /// <summary>
    /// scope_name(level, scope_kind, target): how a group's scope reads — "Tiranë", "KZAZ 12", "KQV 0119",
    /// "GNV 3 – KZAZ 12" or a team's name. The one spelling, for the inventory view, group lists and print sheets.
    /// </summary>
    public static string? ScopeName(AdministrationLevel level, ScopeKind scope, int? target) =>
        throw new InvalidOperationException("scope_name runs in PostgreSQL; use it inside a query.");
}
