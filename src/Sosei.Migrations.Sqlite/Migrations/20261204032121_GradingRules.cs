using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosei.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GradingRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ActualSelection",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RelativeTargetReading",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SeriesAggregation",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ThresholdComparison",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "ReferenceScore",
                table: "KpiValues",
                type: "TEXT",
                precision: 28,
                scale: 8,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SeriesAggregationOverride",
                table: "Kpis",
                type: "INTEGER",
                nullable: true);

            // A KPI's rule becomes an override: "All" (0, the old default) was no choice and now follows the plan's
            // rule (also All by default); Any and Mean stay the KPI's own. Copied before the old column goes (SQLite
            // rebuilds the table for the drop after the other operations).
            migrationBuilder.Sql("UPDATE \"Kpis\" SET \"SeriesAggregationOverride\" = \"SeriesAggregation\" WHERE \"SeriesAggregation\" <> 0;");

            migrationBuilder.DropColumn(
                name: "SeriesAggregation",
                table: "Kpis");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActualSelection",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "RelativeTargetReading",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "SeriesAggregation",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "ThresholdComparison",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "ReferenceScore",
                table: "KpiValues");

            migrationBuilder.AddColumn<int>(
                name: "SeriesAggregation",
                table: "Kpis",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("UPDATE \"Kpis\" SET \"SeriesAggregation\" = COALESCE(\"SeriesAggregationOverride\", 0);");

            migrationBuilder.DropColumn(
                name: "SeriesAggregationOverride",
                table: "Kpis");
        }
    }
}
