using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ElectionComms.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Messaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "message_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    size = table.Column<int>(type: "integer", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_message_attachments_staff_uploaded_by_id",
                        column: x => x.uploaded_by_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    directorate_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    current_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    current_version_number = table.Column<int>(type: "integer", nullable: false),
                    current_content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    is_test = table.Column<bool>(type: "boolean", nullable: false),
                    send_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_messages_directorates_directorate_id",
                        column: x => x.directorate_id,
                        principalTable: "directorates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_messages_staff_author_id",
                        column: x => x.author_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_messages_staff_decided_by_id",
                        column: x => x.decided_by_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "step_up_verifications",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_step_up_verifications", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_step_up_verifications_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "message_comments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_message_comments_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_message_comments_staff_author_id",
                        column: x => x.author_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "message_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_message_events_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_message_events_staff_actor_id",
                        column: x => x.actor_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "message_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    text_sq = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    text_en = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    attachment_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    send_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_test = table.Column<bool>(type: "boolean", nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    personal_data_justification = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_message_versions_message_attachments_attachment_id",
                        column: x => x.attachment_id,
                        principalTable: "message_attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_message_versions_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_message_versions_staff_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "message_approvals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    approver_id = table.Column<Guid>(type: "uuid", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_approvals", x => x.id);
                    table.ForeignKey(
                        name: "fk_message_approvals_message_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "message_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_message_approvals_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_message_approvals_staff_approver_id",
                        column: x => x.approver_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "message_version_targets",
                columns: table => new
                {
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_version_targets", x => new { x.version_id, x.group_id });
                    table.ForeignKey(
                        name: "fk_message_version_targets_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_message_version_targets_message_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "message_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "publishing_queue",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    approval_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_publishing_queue", x => x.id);
                    table.ForeignKey(
                        name: "fk_publishing_queue_message_approvals_approval_id",
                        column: x => x.approval_id,
                        principalTable: "message_approvals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_publishing_queue_message_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "message_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_publishing_queue_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_message_approvals_approver_id",
                table: "message_approvals",
                column: "approver_id");

            migrationBuilder.CreateIndex(
                name: "ix_message_approvals_message_id_version_id",
                table: "message_approvals",
                columns: new[] { "message_id", "version_id" });

            migrationBuilder.CreateIndex(
                name: "ix_message_approvals_version_id",
                table: "message_approvals",
                column: "version_id");

            migrationBuilder.CreateIndex(
                name: "ix_message_attachments_uploaded_by_id",
                table: "message_attachments",
                column: "uploaded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_message_comments_author_id",
                table: "message_comments",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_message_comments_message_id_id",
                table: "message_comments",
                columns: new[] { "message_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_message_events_actor_id",
                table: "message_events",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_message_events_message_id_id",
                table: "message_events",
                columns: new[] { "message_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_message_version_targets_group_id",
                table: "message_version_targets",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_message_versions_attachment_id",
                table: "message_versions",
                column: "attachment_id");

            migrationBuilder.CreateIndex(
                name: "ix_message_versions_created_by_id",
                table: "message_versions",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_message_versions_message_id_number",
                table: "message_versions",
                columns: new[] { "message_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_author_id_updated_at",
                table: "messages",
                columns: new[] { "author_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_decided_by_id",
                table: "messages",
                column: "decided_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_messages_directorate_id_updated_at",
                table: "messages",
                columns: new[] { "directorate_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_status_directorate_id_submitted_at",
                table: "messages",
                columns: new[] { "status", "directorate_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_updated_at",
                table: "messages",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_publishing_queue_approval_id",
                table: "publishing_queue",
                column: "approval_id");

            migrationBuilder.CreateIndex(
                name: "ix_publishing_queue_message_id_version_id",
                table: "publishing_queue",
                columns: new[] { "message_id", "version_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_publishing_queue_status_not_before",
                table: "publishing_queue",
                columns: new[] { "status", "not_before" });

            migrationBuilder.CreateIndex(
                name: "ix_publishing_queue_version_id",
                table: "publishing_queue",
                column: "version_id");

            migrationBuilder.Sql(GuardsUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(GuardsDown);

            migrationBuilder.DropTable(
                name: "message_comments");

            migrationBuilder.DropTable(
                name: "message_events");

            migrationBuilder.DropTable(
                name: "message_version_targets");

            migrationBuilder.DropTable(
                name: "publishing_queue");

            migrationBuilder.DropTable(
                name: "step_up_verifications");

            migrationBuilder.DropTable(
                name: "message_approvals");

            migrationBuilder.DropTable(
                name: "message_versions");

            migrationBuilder.DropTable(
                name: "message_attachments");

            migrationBuilder.DropTable(
                name: "messages");
        }
    }
}
