using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosei.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UniqueKpiValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_KpiValues_KpiId_SeriesId_PeriodKind_PeriodYear_PeriodMonth_PeriodDay",
                table: "KpiValues");

            // A double submit of the values grid could store a KPI's period twice (the old index counted NULL series as
            // distinct): keep the last saved row of each period, as DatabaseSetup logged before migrating.
            migrationBuilder.Sql(
                """
                DELETE FROM "KpiValues"
                WHERE "SeriesId" IS NULL AND EXISTS (
                    SELECT 1 FROM "KpiValues" AS later
                    WHERE later."SeriesId" IS NULL AND later."KpiId" = "KpiValues"."KpiId"
                      AND later."PeriodKind" = "KpiValues"."PeriodKind" AND later."PeriodYear" = "KpiValues"."PeriodYear"
                      AND later."PeriodMonth" = "KpiValues"."PeriodMonth" AND later."PeriodDay" = "KpiValues"."PeriodDay"
                      AND later."Id" > "KpiValues"."Id");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_KpiValues_PerKpiPeriod",
                table: "KpiValues",
                columns: new[] { "KpiId", "PeriodKind", "PeriodYear", "PeriodMonth", "PeriodDay" },
                unique: true,
                filter: "\"SeriesId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_KpiValues_PerSeriesPeriod",
                table: "KpiValues",
                columns: new[] { "KpiId", "SeriesId", "PeriodKind", "PeriodYear", "PeriodMonth", "PeriodDay" },
                unique: true,
                filter: "\"SeriesId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_KpiValues_PerKpiPeriod",
                table: "KpiValues");

            migrationBuilder.DropIndex(
                name: "IX_KpiValues_PerSeriesPeriod",
                table: "KpiValues");

            migrationBuilder.CreateIndex(
                name: "IX_KpiValues_KpiId_SeriesId_PeriodKind_PeriodYear_PeriodMonth_PeriodDay",
                table: "KpiValues",
                columns: new[] { "KpiId", "SeriesId", "PeriodKind", "PeriodYear", "PeriodMonth", "PeriodDay" },
                unique: true);
        }
    }
}
