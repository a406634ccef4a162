using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Platform.Data.Migrations.Sqlite
{
    /// <summary>
    /// No schema change: full-text matches are read as rowids now (SqliteRowId), so the keyless FtsHit query type
    /// left the model, and this migration carries the model snapshot without it.
    /// </summary>
    public partial class DropFtsHitQueryType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
