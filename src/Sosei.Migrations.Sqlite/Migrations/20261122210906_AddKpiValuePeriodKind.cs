using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosei.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddKpiValuePeriodKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ValuePeriodKind",
                table: "Kpis",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Until now the kind of year was inferred from the stored periods (the editing forms did this); keep that
            // reading for existing KPIs: calendar years when every yearly value is a calendar year, or, without yearly
            // values, when the baseline (else the target) period is one. 1 = PeriodKind.CalendarYear.
            migrationBuilder.Sql(
                """
                UPDATE "Kpis" SET "ValuePeriodKind" = 1
                WHERE (EXISTS (SELECT 1 FROM "KpiValues" v WHERE v."KpiId" = "Kpis"."Id" AND v."PeriodKind" = 1)
                       AND NOT EXISTS (SELECT 1 FROM "KpiValues" v WHERE v."KpiId" = "Kpis"."Id" AND v."PeriodKind" = 0))
                   OR (NOT EXISTS (SELECT 1 FROM "KpiValues" v WHERE v."KpiId" = "Kpis"."Id" AND v."PeriodKind" IN (0, 1))
                       AND COALESCE("BaselinePeriod", "TargetPeriod") LIKE 'CY%');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ValuePeriodKind",
                table: "Kpis");
        }
    }
}
