using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Rapport.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchSplitsOnPunctuation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Contacts",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', regexp_replace(coalesce(\"FirstName\", '') || ' ' || coalesce(\"LastName\", '') || ' ' || coalesce(\"PrimaryEmail\", '') || ' ' || coalesce(\"PrimaryPhone\", '') || ' ' || coalesce(\"JobTitle\", '') || ' ' || coalesce(\"City\", '') || ' ' || coalesce(\"Country\", ''), '[[:punct:]]+', ' ', 'g'))",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "to_tsvector('simple', coalesce(\"FirstName\", '') || ' ' || coalesce(\"LastName\", '') || ' ' || coalesce(\"PrimaryEmail\", '') || ' ' || coalesce(\"PrimaryPhone\", '') || ' ' || coalesce(\"JobTitle\", '') || ' ' || coalesce(\"City\", '') || ' ' || coalesce(\"Country\", ''))",
                oldStored: true);

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Companies",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', regexp_replace(coalesce(\"Name\", '') || ' ' || coalesce(\"Domain\", '') || ' ' || coalesce(\"Industry\", '') || ' ' || coalesce(\"City\", '') || ' ' || coalesce(\"Country\", '') || ' ' || coalesce(\"Phone\", ''), '[[:punct:]]+', ' ', 'g'))",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "to_tsvector('simple', coalesce(\"Name\", '') || ' ' || coalesce(\"Domain\", '') || ' ' || coalesce(\"Industry\", '') || ' ' || coalesce(\"City\", '') || ' ' || coalesce(\"Country\", '') || ' ' || coalesce(\"Phone\", ''))",
                oldStored: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Contacts",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', coalesce(\"FirstName\", '') || ' ' || coalesce(\"LastName\", '') || ' ' || coalesce(\"PrimaryEmail\", '') || ' ' || coalesce(\"PrimaryPhone\", '') || ' ' || coalesce(\"JobTitle\", '') || ' ' || coalesce(\"City\", '') || ' ' || coalesce(\"Country\", ''))",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "to_tsvector('simple', regexp_replace(coalesce(\"FirstName\", '') || ' ' || coalesce(\"LastName\", '') || ' ' || coalesce(\"PrimaryEmail\", '') || ' ' || coalesce(\"PrimaryPhone\", '') || ' ' || coalesce(\"JobTitle\", '') || ' ' || coalesce(\"City\", '') || ' ' || coalesce(\"Country\", ''), '[[:punct:]]+', ' ', 'g'))",
                oldStored: true);

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Companies",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', coalesce(\"Name\", '') || ' ' || coalesce(\"Domain\", '') || ' ' || coalesce(\"Industry\", '') || ' ' || coalesce(\"City\", '') || ' ' || coalesce(\"Country\", '') || ' ' || coalesce(\"Phone\", ''))",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "to_tsvector('simple', regexp_replace(coalesce(\"Name\", '') || ' ' || coalesce(\"Domain\", '') || ' ' || coalesce(\"Industry\", '') || ' ' || coalesce(\"City\", '') || ' ' || coalesce(\"Country\", '') || ' ' || coalesce(\"Phone\", ''), '[[:punct:]]+', ' ', 'g'))",
                oldStored: true);
        }
    }
}
