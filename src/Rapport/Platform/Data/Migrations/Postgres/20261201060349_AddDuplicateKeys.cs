using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddDuplicateKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailKey",
                table: "Contacts",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true,
                computedColumnSql: "lower(trim(\"PrimaryEmail\"))",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneKey",
                table: "Contacts",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true,
                computedColumnSql: "nullif(right(replace(replace(replace(replace(replace(replace(replace(\"PrimaryPhone\", ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''), '+', ''), 9), '')",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Companies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                computedColumnSql: "lower(trim(\"Name\"))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_EmailKey",
                table: "Contacts",
                column: "EmailKey");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PhoneKey",
                table: "Contacts",
                column: "PhoneKey");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_NameKey",
                table: "Companies",
                column: "NameKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_EmailKey",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_PhoneKey",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Companies_NameKey",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "EmailKey",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "PhoneKey",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Companies");
        }
    }
}
