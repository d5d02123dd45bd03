using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionComms.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessageHistoryKeyset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_messages_author_id_updated_at",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "ix_messages_directorate_id_updated_at",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "ix_messages_updated_at",
                table: "messages");

            migrationBuilder.CreateIndex(
                name: "ix_messages_author_id_updated_at_id",
                table: "messages",
                columns: new[] { "author_id", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_directorate_id_updated_at_id",
                table: "messages",
                columns: new[] { "directorate_id", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_status_updated_at_id",
                table: "messages",
                columns: new[] { "status", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_updated_at_id",
                table: "messages",
                columns: new[] { "updated_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_messages_author_id_updated_at_id",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "ix_messages_directorate_id_updated_at_id",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "ix_messages_status_updated_at_id",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "ix_messages_updated_at_id",
                table: "messages");

            migrationBuilder.CreateIndex(
                name: "ix_messages_author_id_updated_at",
                table: "messages",
                columns: new[] { "author_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_directorate_id_updated_at",
                table: "messages",
                columns: new[] { "directorate_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_updated_at",
                table: "messages",
                column: "updated_at");
        }
    }
}
