using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosei.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddPopulation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PopulationDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Edition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PopulationDatasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FertilityRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AreaName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FertilityRates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FertilityRates_PopulationDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "PopulationDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PopulationFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AreaName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sex = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeGroup = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PopulationFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PopulationFigures_PopulationDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "PopulationDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FertilityRates_DatasetId_AreaCode_FirstYear_LastYear",
                table: "FertilityRates",
                columns: new[] { "DatasetId", "AreaCode", "FirstYear", "LastYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PopulationDatasets_Kind_Edition",
                table: "PopulationDatasets",
                columns: new[] { "Kind", "Edition" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PopulationFigures_AreaCode",
                table: "PopulationFigures",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_PopulationFigures_DatasetId_AreaCode_Year",
                table: "PopulationFigures",
                columns: new[] { "DatasetId", "AreaCode", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FertilityRates");

            migrationBuilder.DropTable(
                name: "PopulationFigures");

            migrationBuilder.DropTable(
                name: "PopulationDatasets");
        }
    }
}
