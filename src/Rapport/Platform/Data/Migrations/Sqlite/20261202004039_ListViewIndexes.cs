using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListViewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_LifecycleStage",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_OwnerId",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Companies_OwnerId",
                table: "Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Country_LastName_FirstName_Id",
                table: "Contacts",
                columns: new[] { "Country", "LastName", "FirstName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_LifecycleStage_LastName_FirstName_Id",
                table: "Contacts",
                columns: new[] { "LifecycleStage", "LastName", "FirstName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_OwnerId_LastName_FirstName_Id",
                table: "Contacts",
                columns: new[] { "OwnerId", "LastName", "FirstName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_OwnerId_Name_Id",
                table: "Companies",
                columns: new[] { "OwnerId", "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Country_LastName_FirstName_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_LifecycleStage_LastName_FirstName_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_OwnerId_LastName_FirstName_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Companies_OwnerId_Name_Id",
                table: "Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_LifecycleStage",
                table: "Contacts",
                column: "LifecycleStage");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_OwnerId",
                table: "Contacts",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_OwnerId",
                table: "Companies",
                column: "OwnerId");
        }
    }
}
