using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.Companies;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Ui.Records;

namespace Rapport.Contacts.People.Pages;

/// <summary>Companies the signed-in user can see whose name contains what they typed, for the company picker.</summary>
public static class CompanyPicker
{
    public const int MaxSuggestions = 20;

    public static async Task<IEnumerable<CompanyRef>> SearchAsync(RecordOperations operations, string? text)
    {
        var result = await operations.RunAsync(async services =>
        {
            var companies = services.GetRequiredService<CompanyService>().Readable();
            // The list filter's case-insensitive "contains", the same on SQLite and PostgreSQL.
            var filter = string.IsNullOrWhiteSpace(text) ? null : $"name contains {ListFilter.Quote(text.Trim())}";
            var matching = services.GetRequiredService<ListQuery>()
                .Filtered(companies, new ListRequest(filter, null, null, null, null), CompanyFields.All);
            return await matching.OrderBy(c => c.Name).Take(MaxSuggestions)
                .Select(c => new CompanyRef(c.Id, c.Name)).ToListAsync();
        });
        return result.Value ?? [];
    }
}
