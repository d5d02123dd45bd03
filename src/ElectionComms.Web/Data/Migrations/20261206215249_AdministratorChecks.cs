using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionComms.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdministratorChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "group_administration_checks",
                columns: table => new
                {
                    group_id = table.Column<int>(type: "integer", nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    bot_problem = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    bot_problem_detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    director_problem = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    extra_administrators = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    administrator_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_administration_checks", x => x.group_id);
                    table.ForeignKey(
                        name: "fk_group_administration_checks_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_platform_links",
                columns: table => new
                {
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    platform_user_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    platform_user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    code_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_platform_links", x => new { x.staff_member_id, x.platform });
                    table.ForeignKey(
                        name: "fk_staff_platform_links_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_group_administration_checks_attempted_at",
                table: "group_administration_checks",
                column: "attempted_at");

            migrationBuilder.CreateIndex(
                name: "ix_staff_platform_links_code_hash",
                table: "staff_platform_links",
                column: "code_hash",
                unique: true,
                filter: "code_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_staff_platform_links_platform_platform_user_id",
                table: "staff_platform_links",
                columns: new[] { "platform", "platform_user_id" },
                unique: true,
                filter: "platform_user_id IS NOT NULL");

            migrationBuilder.Sql(ViewUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ViewDown);

            migrationBuilder.DropTable(
                name: "group_administration_checks");

            migrationBuilder.DropTable(
                name: "staff_platform_links");
        }
    }
}
