using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ElectionComms.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Channels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "logo_versions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    version = table.Column<int>(type: "integer", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_logo_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_logo_versions_staff_uploaded_by_id",
                        column: x => x.uploaded_by_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "official_accounts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    control_class = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    handle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    directorate_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_official_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_official_accounts_directorates_directorate_id",
                        column: x => x.directorate_id,
                        principalTable: "directorates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_official_accounts_staff_decided_by_id",
                        column: x => x.decided_by_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_official_accounts_staff_requested_by_id",
                        column: x => x.requested_by_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "groups",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    account_id = table.Column<int>(type: "integer", nullable: false),
                    election_id = table.Column<int>(type: "integer", nullable: false),
                    platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    scope_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    scope_target_id = table.Column<int>(type: "integer", nullable: true),
                    platform_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    administrator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    is_test_group = table.Column<bool>(type: "boolean", nullable: false),
                    logo_version = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groups", x => x.id);
                    table.CheckConstraint("ck_groups_scope_target", "(scope_kind = 'National') = (scope_target_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_groups_elections_election_id",
                        column: x => x.election_id,
                        principalTable: "elections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_groups_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_groups_staff_administrator_id",
                        column: x => x.administrator_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "group_officers",
                columns: table => new
                {
                    group_id = table.Column<int>(type: "integer", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assigned_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_officers", x => new { x.group_id, x.staff_member_id });
                    table.ForeignKey(
                        name: "fk_group_officers_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_group_officers_staff_assigned_by_id",
                        column: x => x.assigned_by_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_group_officers_staff_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transmit_grants",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    group_id = table.Column<int>(type: "integer", nullable: false),
                    grantee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transmit_grants", x => x.id);
                    table.ForeignKey(
                        name: "fk_transmit_grants_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transmit_grants_staff_members_granted_by_id",
                        column: x => x.granted_by_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transmit_grants_staff_members_grantee_id",
                        column: x => x.grantee_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transmit_grants_staff_members_revoked_by_id",
                        column: x => x.revoked_by_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_group_officers_assigned_by_id",
                table: "group_officers",
                column: "assigned_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_group_officers_staff_member_id",
                table: "group_officers",
                column: "staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_groups_account_id",
                table: "groups",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_groups_administrator_id",
                table: "groups",
                column: "administrator_id");

            migrationBuilder.CreateIndex(
                name: "ix_groups_election_id_level",
                table: "groups",
                columns: new[] { "election_id", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_groups_platform_platform_id",
                table: "groups",
                columns: new[] { "platform", "platform_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_logo_versions_uploaded_by_id",
                table: "logo_versions",
                column: "uploaded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_logo_versions_version",
                table: "logo_versions",
                column: "version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_official_accounts_decided_by_id",
                table: "official_accounts",
                column: "decided_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_official_accounts_directorate_id",
                table: "official_accounts",
                column: "directorate_id");

            migrationBuilder.CreateIndex(
                name: "ix_official_accounts_platform_handle",
                table: "official_accounts",
                columns: new[] { "platform", "handle" },
                unique: true,
                filter: "status IN ('Requested', 'Active', 'Suspended')");

            migrationBuilder.CreateIndex(
                name: "ix_official_accounts_requested_by_id",
                table: "official_accounts",
                column: "requested_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_transmit_grants_granted_by_id",
                table: "transmit_grants",
                column: "granted_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_transmit_grants_grantee_id",
                table: "transmit_grants",
                column: "grantee_id");

            migrationBuilder.CreateIndex(
                name: "ix_transmit_grants_group_id_grantee_id",
                table: "transmit_grants",
                columns: new[] { "group_id", "grantee_id" });

            migrationBuilder.CreateIndex(
                name: "ix_transmit_grants_revoked_by_id",
                table: "transmit_grants",
                column: "revoked_by_id");
            // §7: whatever writes a group row, its administrator must be an active member of staff of director rank
            // or above. A later demotion is allowed; the inventory then lists the group as without a valid administrator.
            migrationBuilder.Sql(@"
CREATE FUNCTION groups_require_director_administrator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM staff_members s
                   WHERE s.id = NEW.administrator_id AND s.is_active
                     AND s.rank IN ('Director', 'SecretaryGeneral')) THEN
        RAISE EXCEPTION 'group administrator % is not an active director (decision 253, paragraph 7)', NEW.administrator_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_groups_administrator_rank';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER groups_administrator_rank BEFORE INSERT OR UPDATE OF administrator_id ON groups
    FOR EACH ROW EXECUTE FUNCTION groups_require_director_administrator();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS groups_administrator_rank ON groups; DROP FUNCTION IF EXISTS groups_require_director_administrator();");

            migrationBuilder.DropTable(
                name: "group_officers");

            migrationBuilder.DropTable(
                name: "logo_versions");

            migrationBuilder.DropTable(
                name: "transmit_grants");

            migrationBuilder.DropTable(
                name: "groups");

            migrationBuilder.DropTable(
                name: "official_accounts");
        }
    }
}
