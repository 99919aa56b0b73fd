using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosei.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class GradeOverrideVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "GradeOverrides",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "GradeOverrides");
        }
    }
}
