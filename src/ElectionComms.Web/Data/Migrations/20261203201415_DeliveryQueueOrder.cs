using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionComms.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryQueueOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_open",
                table: "deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                table: "deliveries",
                columns: new[] { "not_before", "id" },
                filter: "status = 'Queued' AND method = 'Api'");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_message_status",
                table: "deliveries",
                columns: new[] { "message_id", "status" });

            migrationBuilder.Sql(NotifyUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(NotifyDown);

            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_message_status",
                table: "deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                table: "deliveries",
                column: "not_before",
                filter: "status = 'Queued' AND method = 'Api'");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_open",
                table: "deliveries",
                column: "message_id",
                filter: "status IN ('Queued', 'Sending')");
        }
    }
}
