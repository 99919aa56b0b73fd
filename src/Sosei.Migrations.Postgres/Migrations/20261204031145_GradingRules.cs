using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosei.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RelativeTargetReading",
                table: "Plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SeriesAggregation",
                table: "Plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ThresholdComparison",
                table: "Plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "ReferenceScore",
                table: "KpiValues",
                type: "numeric(28,8)",
                precision: 28,
                scale: 8,
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "SeriesAggregation",
                table: "Kpis",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            // A KPI that said "All" said what the plan's default (All) says: it now follows the plan's rule.
            migrationBuilder.Sql("UPDATE \"Kpis\" SET \"SeriesAggregation\" = NULL WHERE \"SeriesAggregation\" = 0;");
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

            migrationBuilder.AlterColumn<int>(
                name: "SeriesAggregation",
                table: "Kpis",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
