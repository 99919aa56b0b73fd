using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosei.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublishedJudgements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublishedJudgements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ThresholdRate = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedJudgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedJudgements_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublishedGrades",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublishedJudgementId = table.Column<int>(type: "INTEGER", nullable: false),
                    KpiId = table.Column<int>(type: "INTEGER", nullable: false),
                    GradeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedGrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedGrades_Kpis_KpiId",
                        column: x => x.KpiId,
                        principalTable: "Kpis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PublishedGrades_PublishedJudgements_PublishedJudgementId",
                        column: x => x.PublishedJudgementId,
                        principalTable: "PublishedJudgements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublishedTallies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublishedJudgementId = table.Column<int>(type: "INTEGER", nullable: false),
                    NodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Reached = table.Column<int>(type: "INTEGER", nullable: false),
                    Below = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedTallies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedTallies_PlanNodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "PlanNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PublishedTallies_PublishedJudgements_PublishedJudgementId",
                        column: x => x.PublishedJudgementId,
                        principalTable: "PublishedJudgements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedGrades_KpiId",
                table: "PublishedGrades",
                column: "KpiId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedGrades_PublishedJudgementId_KpiId",
                table: "PublishedGrades",
                columns: new[] { "PublishedJudgementId", "KpiId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedJudgements_PlanId_FiscalYear",
                table: "PublishedJudgements",
                columns: new[] { "PlanId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedTallies_NodeId",
                table: "PublishedTallies",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedTallies_PublishedJudgementId_NodeId_Level",
                table: "PublishedTallies",
                columns: new[] { "PublishedJudgementId", "NodeId", "Level" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublishedGrades");

            migrationBuilder.DropTable(
                name: "PublishedTallies");

            migrationBuilder.DropTable(
                name: "PublishedJudgements");
        }
    }
}
