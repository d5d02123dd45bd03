using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionComms.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessageQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_messages_waiting",
                table: "messages",
                columns: new[] { "submitted_at", "id" },
                filter: "status = 'Submitted'")
                .Annotation("Npgsql:IndexInclude", new[] { "author_id", "directorate_id", "current_version_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_messages_waiting",
                table: "messages");
        }
    }
}
