using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosei.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PopulationTargetVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "PopulationTargets",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "PopulationTargets");
        }
    }
}
