using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sosei.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Edition = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Licence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FileName = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PopulationDatasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FertilityRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AreaName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Period = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstYear = table.Column<int>(type: "integer", nullable: false),
                    LastYear = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    Source = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AreaName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<int>(type: "integer", nullable: true),
                    AgeGroup = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Count = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false)
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
