using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionComms.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishingPacing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                table: "deliveries");

            migrationBuilder.AddColumn<string>(
                name: "delivery_problem",
                table: "groups",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "delivery_problem_at",
                table: "groups",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "method",
                table: "deliveries",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "Api");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "recalled_at",
                table: "deliveries",
                type: "timestamp with time zone",
                nullable: true);

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

            migrationBuilder.Sql(PacingUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PacingDown);

            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_open",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "delivery_problem",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "delivery_problem_at",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "method",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "recalled_at",
                table: "deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                table: "deliveries",
                column: "not_before",
                filter: "status = 'Queued'");
        }
    }
}
