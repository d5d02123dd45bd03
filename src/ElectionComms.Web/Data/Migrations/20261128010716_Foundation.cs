using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ElectionComms.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Foundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    details = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "directorates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name_sq = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    works_with_election_administration = table.Column<bool>(type: "boolean", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_directorates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elections",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    election_day = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    verification_completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "qarqe",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qarqe", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    must_change_password = table.Column<bool>(type: "boolean", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "municipalities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    qark_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_municipalities", x => x.id);
                    table.ForeignKey(
                        name: "fk_municipalities_qarqe_qark_id",
                        column: x => x.qark_id,
                        principalTable: "qarqe",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rank = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    directorate_id = table.Column<int>(type: "integer", nullable: false),
                    superior_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deactivated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_members", x => x.id);
                    table.CheckConstraint("ck_staff_members_not_own_superior", "superior_id IS NULL OR superior_id <> id");
                    table.ForeignKey(
                        name: "fk_staff_members_directorates_directorate_id",
                        column: x => x.directorate_id,
                        principalTable: "directorates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_staff_members_staff_members_superior_id",
                        column: x => x.superior_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_staff_members_users_id",
                        column: x => x.id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kzazs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    election_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    municipality_id = table.Column<int>(type: "integer", nullable: false),
                    seat = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kzazs", x => x.id);
                    table.CheckConstraint("ck_kzazs_number", "number BETWEEN 1 AND 92");
                    table.ForeignKey(
                        name: "fk_kzazs_elections_election_id",
                        column: x => x.election_id,
                        principalTable: "elections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_kzazs_municipalities_municipality_id",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "counting_centres",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    election_id = table.Column<int>(type: "integer", nullable: false),
                    kzaz_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counting_centres", x => x.id);
                    table.ForeignKey(
                        name: "fk_counting_centres_elections_election_id",
                        column: x => x.election_id,
                        principalTable: "elections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_counting_centres_kzazs_kzaz_id",
                        column: x => x.kzaz_id,
                        principalTable: "kzazs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "technical_teams",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    election_id = table.Column<int>(type: "integer", nullable: false),
                    kzaz_id = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_technical_teams", x => x.id);
                    table.ForeignKey(
                        name: "fk_technical_teams_elections_election_id",
                        column: x => x.election_id,
                        principalTable: "elections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_technical_teams_kzazs_kzaz_id",
                        column: x => x.kzaz_id,
                        principalTable: "kzazs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "voting_centres",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    election_id = table.Column<int>(type: "integer", nullable: false),
                    kzaz_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_voting_centres", x => x.id);
                    table.CheckConstraint("ck_voting_centres_number", "number ~ '^[0-9]{4}(/[1-9][0-9]?)?$'");
                    table.ForeignKey(
                        name: "fk_voting_centres_elections_election_id",
                        column: x => x.election_id,
                        principalTable: "elections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_voting_centres_kzazs_kzaz_id",
                        column: x => x.kzaz_id,
                        principalTable: "kzazs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "counting_groups",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    election_id = table.Column<int>(type: "integer", nullable: false),
                    kzaz_id = table.Column<int>(type: "integer", nullable: false),
                    counting_centre_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counting_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_counting_groups_counting_centres_counting_centre_id",
                        column: x => x.counting_centre_id,
                        principalTable: "counting_centres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_counting_groups_elections_election_id",
                        column: x => x.election_id,
                        principalTable: "elections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_counting_groups_kzazs_kzaz_id",
                        column: x => x.kzaz_id,
                        principalTable: "kzazs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "directorates",
                columns: new[] { "id", "code", "is_active", "name_en", "name_sq", "works_with_election_administration" },
                values: new object[,]
                {
                    { 1, "SP", true, "Office of the Secretary General", "Zyra e Sekretarit të Përgjithshëm", true },
                    { 2, "DLD", true, "Directorate of Logistics and Digitalisation", "Drejtoria e Logjistikës dhe Digjitalizimit", true },
                    { 3, "DAZ", true, "Directorate of Electoral Administration", "Drejtoria e Administratës Zgjedhore", true },
                    { 4, "DTE", true, "Directorate of Training and Voter Education", "Drejtoria e Trajnimit dhe Edukimit Zgjedhor", true },
                    { 5, "DKS", true, "Directorate of Communication and Press", "Drejtoria e Komunikimit dhe Shtypit", true },
                    { 6, "DJ", true, "Legal Directorate", "Drejtoria Juridike", false }
                });

            migrationBuilder.InsertData(
                table: "qarqe",
                columns: new[] { "id", "name" },
                values: new object[,]
                {
                    { 1, "Berat" },
                    { 2, "Dibër" },
                    { 3, "Durrës" },
                    { 4, "Elbasan" },
                    { 5, "Fier" },
                    { 6, "Gjirokastër" },
                    { 7, "Korçë" },
                    { 8, "Kukës" },
                    { 9, "Lezhë" },
                    { 10, "Shkodër" },
                    { 11, "Tiranë" },
                    { 12, "Vlorë" }
                });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[,]
                {
                    { new Guid("4b2f7a10-0001-4c6e-9a53-253000000001"), "4b2f7a10-0001-4c6e-9a53-253000000001", "SecretaryGeneral", "SECRETARYGENERAL" },
                    { new Guid("4b2f7a10-0002-4c6e-9a53-253000000002"), "4b2f7a10-0002-4c6e-9a53-253000000002", "Director", "DIRECTOR" },
                    { new Guid("4b2f7a10-0003-4c6e-9a53-253000000003"), "4b2f7a10-0003-4c6e-9a53-253000000003", "CommunicationOfficer", "COMMUNICATIONOFFICER" },
                    { new Guid("4b2f7a10-0004-4c6e-9a53-253000000004"), "4b2f7a10-0004-4c6e-9a53-253000000004", "Clerk", "CLERK" },
                    { new Guid("4b2f7a10-0005-4c6e-9a53-253000000005"), "4b2f7a10-0005-4c6e-9a53-253000000005", "HelplineOperator", "HELPLINEOPERATOR" },
                    { new Guid("4b2f7a10-0006-4c6e-9a53-253000000006"), "4b2f7a10-0006-4c6e-9a53-253000000006", "SystemAdministrator", "SYSTEMADMINISTRATOR" },
                    { new Guid("4b2f7a10-0007-4c6e-9a53-253000000007"), "4b2f7a10-0007-4c6e-9a53-253000000007", "Auditor", "AUDITOR" }
                });

            migrationBuilder.InsertData(
                table: "municipalities",
                columns: new[] { "id", "name", "qark_id" },
                values: new object[,]
                {
                    { 1, "Berat", 1 },
                    { 2, "Dimal", 1 },
                    { 3, "Kuçovë", 1 },
                    { 4, "Poliçan", 1 },
                    { 5, "Skrapar", 1 },
                    { 6, "Bulqizë", 2 },
                    { 7, "Dibër", 2 },
                    { 8, "Klos", 2 },
                    { 9, "Mat", 2 },
                    { 10, "Durrës", 3 },
                    { 11, "Krujë", 3 },
                    { 12, "Shijak", 3 },
                    { 13, "Belsh", 4 },
                    { 14, "Cërrik", 4 },
                    { 15, "Elbasan", 4 },
                    { 16, "Gramsh", 4 },
                    { 17, "Librazhd", 4 },
                    { 18, "Peqin", 4 },
                    { 19, "Prrenjas", 4 },
                    { 20, "Divjakë", 5 },
                    { 21, "Fier", 5 },
                    { 22, "Lushnjë", 5 },
                    { 23, "Mallakastër", 5 },
                    { 24, "Patos", 5 },
                    { 25, "Roskovec", 5 },
                    { 26, "Dropull", 6 },
                    { 27, "Gjirokastër", 6 },
                    { 28, "Këlcyrë", 6 },
                    { 29, "Libohovë", 6 },
                    { 30, "Memaliaj", 6 },
                    { 31, "Përmet", 6 },
                    { 32, "Tepelenë", 6 },
                    { 33, "Devoll", 7 },
                    { 34, "Kolonjë", 7 },
                    { 35, "Korçë", 7 },
                    { 36, "Maliq", 7 },
                    { 37, "Pogradec", 7 },
                    { 38, "Pustec", 7 },
                    { 39, "Has", 8 },
                    { 40, "Kukës", 8 },
                    { 41, "Tropojë", 8 },
                    { 42, "Kurbin", 9 },
                    { 43, "Lezhë", 9 },
                    { 44, "Mirditë", 9 },
                    { 45, "Fushë-Arrëz", 10 },
                    { 46, "Malësi e Madhe", 10 },
                    { 47, "Pukë", 10 },
                    { 48, "Shkodër", 10 },
                    { 49, "Vau i Dejës", 10 },
                    { 50, "Kamëz", 11 },
                    { 51, "Kavajë", 11 },
                    { 52, "Rrogozhinë", 11 },
                    { 53, "Tiranë", 11 },
                    { 54, "Vorë", 11 },
                    { 55, "Delvinë", 12 },
                    { 56, "Finiq", 12 },
                    { 57, "Himarë", 12 },
                    { 58, "Konispol", 12 },
                    { 59, "Sarandë", 12 },
                    { 60, "Selenicë", 12 },
                    { 61, "Vlorë", 12 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_entity_id",
                table: "audit_entries",
                columns: new[] { "entity", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_occurred_at",
                table: "audit_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_counting_centres_election_id",
                table: "counting_centres",
                column: "election_id");

            migrationBuilder.CreateIndex(
                name: "ix_counting_centres_kzaz_id",
                table: "counting_centres",
                column: "kzaz_id");

            migrationBuilder.CreateIndex(
                name: "ix_counting_groups_counting_centre_id_number",
                table: "counting_groups",
                columns: new[] { "counting_centre_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_counting_groups_election_id",
                table: "counting_groups",
                column: "election_id");

            migrationBuilder.CreateIndex(
                name: "ix_counting_groups_kzaz_id",
                table: "counting_groups",
                column: "kzaz_id");

            migrationBuilder.CreateIndex(
                name: "ix_directorates_code",
                table: "directorates",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kzazs_election_id_number",
                table: "kzazs",
                columns: new[] { "election_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kzazs_municipality_id",
                table: "kzazs",
                column: "municipality_id");

            migrationBuilder.CreateIndex(
                name: "ix_municipalities_name",
                table: "municipalities",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_municipalities_qark_id",
                table: "municipalities",
                column: "qark_id");

            migrationBuilder.CreateIndex(
                name: "ix_qarqe_name",
                table: "qarqe",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_directorate_id",
                table: "staff_members",
                column: "directorate_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_email",
                table: "staff_members",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_superior_id",
                table: "staff_members",
                column: "superior_id");

            migrationBuilder.CreateIndex(
                name: "ix_technical_teams_election_id",
                table: "technical_teams",
                column: "election_id");

            migrationBuilder.CreateIndex(
                name: "ix_technical_teams_kzaz_id",
                table: "technical_teams",
                column: "kzaz_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_voting_centres_election_id_number",
                table: "voting_centres",
                columns: new[] { "election_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_voting_centres_kzaz_id",
                table: "voting_centres",
                column: "kzaz_id");
            // §12: the audit trail is append-only. Rows can be added, never changed or removed, whoever connects.
            migrationBuilder.Sql(@"
CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries; DROP FUNCTION IF EXISTS audit_entries_refuse_change();");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "counting_groups");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "staff_members");

            migrationBuilder.DropTable(
                name: "technical_teams");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "voting_centres");

            migrationBuilder.DropTable(
                name: "counting_centres");

            migrationBuilder.DropTable(
                name: "directorates");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "kzazs");

            migrationBuilder.DropTable(
                name: "elections");

            migrationBuilder.DropTable(
                name: "municipalities");

            migrationBuilder.DropTable(
                name: "qarqe");
        }
    }
}
