using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosei.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UniqueRelistings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An item relisted twice under the same node (a double submit before this index): keep the first.
            migrationBuilder.Sql(
                "DELETE FROM \"Relistings\" WHERE \"KpiId\" IS NOT NULL AND \"Id\" NOT IN "
                + "(SELECT MIN(\"Id\") FROM \"Relistings\" WHERE \"KpiId\" IS NOT NULL GROUP BY \"NodeId\", \"KpiId\");");
            migrationBuilder.Sql(
                "DELETE FROM \"Relistings\" WHERE \"ProjectId\" IS NOT NULL AND \"Id\" NOT IN "
                + "(SELECT MIN(\"Id\") FROM \"Relistings\" WHERE \"ProjectId\" IS NOT NULL GROUP BY \"NodeId\", \"ProjectId\");");

            migrationBuilder.DropIndex(
                name: "IX_Relistings_NodeId",
                table: "Relistings");

            migrationBuilder.CreateIndex(
                name: "IX_Relistings_PerNodeKpi",
                table: "Relistings",
                columns: new[] { "NodeId", "KpiId" },
                unique: true,
                filter: "\"KpiId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Relistings_PerNodeProject",
                table: "Relistings",
                columns: new[] { "NodeId", "ProjectId" },
                unique: true,
                filter: "\"ProjectId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Relistings_PerNodeKpi",
                table: "Relistings");

            migrationBuilder.DropIndex(
                name: "IX_Relistings_PerNodeProject",
                table: "Relistings");

            migrationBuilder.CreateIndex(
                name: "IX_Relistings_NodeId",
                table: "Relistings",
                column: "NodeId");
        }
    }
}
