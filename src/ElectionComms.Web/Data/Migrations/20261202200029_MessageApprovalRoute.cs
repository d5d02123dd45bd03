using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionComms.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessageApprovalRoute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "approval_route",
                table: "messages",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Chain");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "approval_route",
                table: "messages");
        }
    }
}
