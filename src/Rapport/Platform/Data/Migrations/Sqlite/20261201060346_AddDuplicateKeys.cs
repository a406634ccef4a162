using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Platform.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 254,
                nullable: true,
                computedColumnSql: "lower(trim(\"PrimaryEmail\"))",
                stored: false);

            migrationBuilder.AddColumn<string>(
                name: "PhoneKey",
                table: "Contacts",
                type: "TEXT",
                maxLength: 50,
                nullable: true,
                computedColumnSql: "nullif(substr(replace(replace(replace(replace(replace(replace(replace(\"PrimaryPhone\", ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''), '+', ''), -9), '')",
                stored: false);

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Companies",
                type: "TEXT",
                maxLength: 200,
                nullable: true,
                computedColumnSql: "lower(trim(\"Name\"))",
                stored: false);

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
