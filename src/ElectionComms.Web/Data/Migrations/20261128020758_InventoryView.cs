using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionComms.Web.Data.Migrations
{
    /// <summary>
    /// The inventory's read model: the view group_inventory and two helper functions, so that the dashboard, the
    /// group list and the exports filter, sort and count in SQL on one definition. Expected members are the view's
    /// scope_units times the members per unit of the domain (UnitComposition), multiplied in the query so the
    /// numbers live in one place.
    /// </summary>
    public partial class InventoryView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_groups_election_id_name_id",
                table: "groups",
                columns: new[] { "election_id", "name", "id" });

            // Units of a level inside an area scope (national, qark, municipality, one KZAZ's area). A function, not
            // subqueries in the view: with twenty subqueries PostgreSQL spent 15 ms planning every query on the view
            // (and compiled it with JIT for 2 s); PL/pgSQL keeps the plans of these small index lookups per
            // connection, and the function runs only for the few area-scoped groups (the view answers 1 for a unit
            // scope itself). The national technical team has no KZAZ and so counts only for national scopes.
            migrationBuilder.Sql(@"
CREATE FUNCTION scope_units(p_election integer, p_level text, p_scope text, p_target integer) RETURNS integer
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    zones integer[];
    units integer;
BEGIN
    IF p_scope = 'Unit' THEN
        RETURN 1;
    ELSIF p_scope = 'National' THEN
        IF p_level = 'Kzaz' THEN
            SELECT count(*) INTO units FROM kzazs WHERE election_id = p_election;
        ELSIF p_level = 'Kqv' THEN
            SELECT count(*) INTO units FROM voting_centres WHERE election_id = p_election;
        ELSIF p_level = 'Gnv' THEN
            SELECT count(*) INTO units FROM counting_groups WHERE election_id = p_election;
        ELSE
            SELECT count(*) INTO units FROM technical_teams WHERE election_id = p_election;
        END IF;
        RETURN units;
    ELSIF p_scope = 'Kzaz' THEN
        zones := ARRAY[p_target];
    ELSIF p_scope = 'Municipality' THEN
        zones := ARRAY(SELECT id FROM kzazs WHERE election_id = p_election AND municipality_id = p_target);
    ELSE
        zones := ARRAY(SELECT k.id FROM kzazs k JOIN municipalities m ON m.id = k.municipality_id
                       WHERE k.election_id = p_election AND m.qark_id = p_target);
    END IF;

    IF p_level = 'Kzaz' THEN
        units := cardinality(zones);
    ELSIF p_level = 'Kqv' THEN
        SELECT count(*) INTO units FROM voting_centres WHERE kzaz_id = ANY (zones);
    ELSIF p_level = 'Gnv' THEN
        SELECT count(*) INTO units FROM counting_groups WHERE kzaz_id = ANY (zones);
    ELSE
        SELECT count(*) INTO units FROM technical_teams WHERE kzaz_id = ANY (zones);
    END IF;
    RETURN units;
END $$;");

            // What the scope names, for reading: Tiranë, KZAZ 12, KQV 0119, GNV 3 – KZAZ 12, or a team's name.
            migrationBuilder.Sql(@"
CREATE FUNCTION scope_name(p_level text, p_scope text, p_target integer) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    result text;
BEGIN
    IF p_scope = 'National' THEN
        RETURN NULL;
    ELSIF p_scope = 'Qark' THEN
        SELECT name INTO result FROM qarqe WHERE id = p_target;
    ELSIF p_scope = 'Municipality' THEN
        SELECT name INTO result FROM municipalities WHERE id = p_target;
    ELSIF p_scope = 'Kzaz' OR p_level = 'Kzaz' THEN
        SELECT 'KZAZ ' || number INTO result FROM kzazs WHERE id = p_target;
    ELSIF p_level = 'Kqv' THEN
        SELECT 'KQV ' || number INTO result FROM voting_centres WHERE id = p_target;
    ELSIF p_level = 'Gnv' THEN
        SELECT 'GNV ' || c.number || ' – KZAZ ' || k.number INTO result
        FROM counting_groups c JOIN kzazs k ON k.id = c.kzaz_id WHERE c.id = p_target;
    ELSE
        SELECT name INTO result FROM technical_teams WHERE id = p_target;
    END IF;
    RETURN result;
END $$;");

            // One row per group. Left joins on unique keys (the foreign keys guarantee the row) let PostgreSQL drop
            // a join that a query does not read from. The administrator check is the one of the
            // groups_administrator_rank trigger and Group.IsValidAdministrator (§7).
            migrationBuilder.Sql(@"
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
CROSS JOIN (SELECT max(version) AS current FROM logo_versions) lv;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
DROP VIEW IF EXISTS group_inventory;
DROP FUNCTION IF EXISTS scope_name(text, text, integer);
DROP FUNCTION IF EXISTS scope_units(integer, text, text, integer);");

            migrationBuilder.DropIndex(
                name: "ix_groups_election_id_name_id",
                table: "groups");
        }
    }
}
