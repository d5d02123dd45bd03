using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionComms.Web.Data.Migrations
{
    /// <summary>
    /// The inventory's read model as two views, so that the dashboard, the group list and the exports filter, sort
    /// and count in SQL on the same definitions. Expected members are the view's scope_units times the members per
    /// unit of the domain (UnitComposition), multiplied in the query so the numbers live in one place.
    /// </summary>
    public partial class InventoryView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every unit of every level with the KZAZ, municipality and qark it lies in. The national technical
            // team (no KZAZ) belongs to no qark, municipality or KZAZ and so counts only for national scopes.
            migrationBuilder.Sql(@"
CREATE VIEW administration_units AS
SELECT 'Kzaz'::text AS level, k.id AS unit_id, k.election_id, k.id AS kzaz_id, k.municipality_id, m.qark_id
FROM kzazs k JOIN municipalities m ON m.id = k.municipality_id
UNION ALL
SELECT 'Kqv', v.id, v.election_id, v.kzaz_id, k.municipality_id, m.qark_id
FROM voting_centres v JOIN kzazs k ON k.id = v.kzaz_id JOIN municipalities m ON m.id = k.municipality_id
UNION ALL
SELECT 'Gnv', c.id, c.election_id, c.kzaz_id, k.municipality_id, m.qark_id
FROM counting_groups c JOIN kzazs k ON k.id = c.kzaz_id JOIN municipalities m ON m.id = k.municipality_id
UNION ALL
SELECT 'TechnicalStaff', t.id, t.election_id, t.kzaz_id, k.municipality_id, m.qark_id
FROM technical_teams t LEFT JOIN kzazs k ON k.id = t.kzaz_id LEFT JOIN municipalities m ON m.id = k.municipality_id;");

            // One row per group. A unit scope is one unit by definition, so the 6,000-odd unit-scoped groups of a
            // national election cost no lookup; only area scopes count their units. The administrator check is the
            // one of the groups_administrator_rank trigger and Group.IsValidAdministrator (§7).
            migrationBuilder.Sql(@"
CREATE VIEW group_inventory AS
SELECT g.id, g.election_id, g.account_id, a.directorate_id, g.platform, g.kind, g.name, g.level, g.scope_kind,
       g.scope_target_id, g.platform_id, g.status, g.is_test_group, g.logo_version, g.administrator_id,
       CASE g.scope_kind
           WHEN 'Unit' THEN 1
           ELSE (SELECT count(*)::int FROM administration_units u
                 WHERE u.election_id = g.election_id AND u.level = g.level
                   AND CASE g.scope_kind
                           WHEN 'National' THEN true
                           WHEN 'Qark' THEN u.qark_id = g.scope_target_id
                           WHEN 'Municipality' THEN u.municipality_id = g.scope_target_id
                           WHEN 'Kzaz' THEN u.kzaz_id = g.scope_target_id
                       END)
       END AS scope_units,
       CASE g.scope_kind
           WHEN 'National' THEN NULL
           WHEN 'Qark' THEN (SELECT q.name FROM qarqe q WHERE q.id = g.scope_target_id)
           WHEN 'Municipality' THEN (SELECT m.name FROM municipalities m WHERE m.id = g.scope_target_id)
           WHEN 'Kzaz' THEN (SELECT 'KZAZ ' || k.number FROM kzazs k WHERE k.id = g.scope_target_id)
           ELSE CASE g.level
               WHEN 'Kzaz' THEN (SELECT 'KZAZ ' || k.number FROM kzazs k WHERE k.id = g.scope_target_id)
               WHEN 'Kqv' THEN (SELECT 'KQV ' || v.number FROM voting_centres v WHERE v.id = g.scope_target_id)
               WHEN 'Gnv' THEN (SELECT 'GNV ' || c.number || ' – KZAZ ' || k.number
                                FROM counting_groups c JOIN kzazs k ON k.id = c.kzaz_id WHERE c.id = g.scope_target_id)
               ELSE (SELECT t.name FROM technical_teams t WHERE t.id = g.scope_target_id)
           END
       END AS scope_name,
       s.full_name AS administrator_name,
       (s.is_active AND s.rank IN ('Director', 'SecretaryGeneral')) AS administrator_valid,
       coalesce(o.officers, 0)::int AS officer_count,
       (lv.current IS NOT NULL AND (g.logo_version IS NULL OR g.logo_version < lv.current)) AS logo_outdated
FROM groups g
JOIN official_accounts a ON a.id = g.account_id
JOIN staff_members s ON s.id = g.administrator_id
LEFT JOIN (SELECT group_id, count(*) AS officers FROM group_officers GROUP BY group_id) o ON o.group_id = g.id
CROSS JOIN (SELECT max(version) AS current FROM logo_versions) lv;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS group_inventory; DROP VIEW IF EXISTS administration_units;");
        }
    }
}
