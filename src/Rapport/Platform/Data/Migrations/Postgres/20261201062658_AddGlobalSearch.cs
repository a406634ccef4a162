using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddGlobalSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_FirstName_Trigram",
                table: "Contacts",
                column: "FirstName")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_LastName_Trigram",
                table: "Contacts",
                column: "LastName")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Name_Trigram",
                table: "Companies",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_FirstName_Trigram",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_LastName_Trigram",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Name_Trigram",
                table: "Companies");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
