using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosei.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UniquePopulationTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A target stored twice (a double submit before this index): keep the first.
            migrationBuilder.Sql(
                "DELETE FROM \"PopulationTargets\" WHERE \"Id\" NOT IN "
                + "(SELECT MIN(\"Id\") FROM \"PopulationTargets\" GROUP BY \"PlanId\", \"Term\", \"Year\", \"Indicator\");");

            migrationBuilder.DropIndex(
                name: "IX_PopulationTargets_PlanId",
                table: "PopulationTargets");

            migrationBuilder.CreateIndex(
                name: "IX_PopulationTargets_PlanId_Term_Year_Indicator",
                table: "PopulationTargets",
                columns: new[] { "PlanId", "Term", "Year", "Indicator" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PopulationTargets_PlanId_Term_Year_Indicator",
                table: "PopulationTargets");

            migrationBuilder.CreateIndex(
                name: "IX_PopulationTargets_PlanId",
                table: "PopulationTargets",
                column: "PlanId");
        }
    }
}
