namespace ElectionComms.Web.Data.Migrations;

/// <summary>
/// The inventory view (migration InventoryView) gains the platform problem list (issue 14 item 5), frozen with this
/// migration: a group whose last delivery failed, whose bot lacks a right it needs, whose designated administrator
/// is not among its administrators on the platform, or that has administrators §7 does not give it. Columns are
/// added at the end, as CREATE OR REPLACE VIEW requires.
/// </summary>
public partial class AdministratorChecks
{
    private const string ViewUp = """
        CREATE OR REPLACE VIEW group_inventory AS
        SELECT g.id, g.election_id, g.account_id, a.directorate_id, g.platform, g.kind, g.name, g.level, g.scope_kind,
               g.scope_target_id, g.platform_id, g.status, g.is_test_group, g.logo_version, g.administrator_id,
               CASE WHEN g.scope_kind = 'Unit' THEN 1
                    ELSE scope_units(g.election_id, g.level, g.scope_kind, g.scope_target_id) END AS scope_units,
               scope_name(g.level, g.scope_kind, g.scope_target_id) AS scope_name,
               s.full_name AS administrator_name,
               (s.is_active AND s.rank IN ('Director', 'SecretaryGeneral')) AS administrator_valid,
               coalesce(o.officers, 0)::int AS officer_count,
               (lv.current IS NOT NULL AND (g.logo_version IS NULL OR g.logo_version < lv.current)) AS logo_outdated,
               (g.delivery_problem IS NOT NULL OR c.bot_problem IS NOT NULL OR c.director_problem IS NOT NULL
                OR c.extra_administrators IS NOT NULL) AS platform_problem
        FROM groups g
        LEFT JOIN official_accounts a ON a.id = g.account_id
        LEFT JOIN staff_members s ON s.id = g.administrator_id
        LEFT JOIN (SELECT group_id, count(*) AS officers FROM group_officers GROUP BY group_id) o ON o.group_id = g.id
        LEFT JOIN group_administration_checks c ON c.group_id = g.id
        CROSS JOIN (SELECT max(version) AS current FROM logo_versions) lv;
        """;

    // The view as migration InventoryView made it; a column cannot be dropped by CREATE OR REPLACE.
    private const string ViewDown = """
        DROP VIEW group_inventory;
        CREATE VIEW group_inventory AS
        SELECT g.id, g.election_id, g.account_id, a.directorate_id, g.platform, g.kind, g.name, g.level, g.scope_kind,
               g.scope_target_id, g.platform_id, g.status, g.is_test_group, g.logo_version, g.administrator_id,
               CASE WHEN g.scope_kind = 'Unit' THEN 1
                    ELSE scope_units(g.election_id, g.level, g.scope_kind, g.scope_target_id) END AS scope_units,
               scope_name(g.level, g.scope_kind, g.scope_target_id) AS scope_name,
               s.full_name AS administrator_name,
               (s.is_active AND s.rank IN ('Director', 'SecretaryGeneral')) AS administrator_valid,
               coalesce(o.officers, 0)::int AS officer_count,
               (lv.current IS NOT NULL AND (g.logo_version IS NULL OR g.logo_version < lv.current)) AS logo_outdated
        FROM groups g
        LEFT JOIN official_accounts a ON a.id = g.account_id
        LEFT JOIN staff_members s ON s.id = g.administrator_id
        LEFT JOIN (SELECT group_id, count(*) AS officers FROM group_officers GROUP BY group_id) o ON o.group_id = g.id
        CROSS JOIN (SELECT max(version) AS current FROM logo_versions) lv;
        """;
}
