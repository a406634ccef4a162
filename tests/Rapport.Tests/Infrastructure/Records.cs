using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Data;

namespace Rapport.Tests.Infrastructure;

/// <summary>Intent methods for tests: create records through the API and read what the database holds.</summary>
public static class Records
{
    public static async Task<CompanyResponse> CreateCompanyAsync(this ApiUser user, object body)
    {
        var response = await user.Client.PostJsonAsync("/api/v1/companies", body);
        await response.EnsureSuccessAsync();
        return await response.ReadAsync<CompanyResponse>();
    }

    public static async Task<ContactResponse> CreateContactAsync(this ApiUser user, object body)
    {
        var response = await user.Client.PostJsonAsync("/api/v1/contacts", body);
        await response.EnsureSuccessAsync();
        return await response.ReadAsync<ContactResponse>();
    }

    public static async Task<ContactResponse> GetContactAsync(this ApiUser user, Guid id)
    {
        var response = await user.Client.GetAsync($"/api/v1/contacts/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ContactResponse>();
    }

    public static async Task<CompanyResponse> GetCompanyAsync(this ApiUser user, Guid id)
    {
        var response = await user.Client.GetAsync($"/api/v1/companies/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<CompanyResponse>();
    }

    /// <summary>How many rows each table holds: compared before and after a refused request.</summary>
    public static Task<StoredCounts> CountStoredAsync(this RapportApp app) =>
        app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            return new StoredCounts(await db.Companies.CountAsync(), await db.Contacts.CountAsync(),
                await db.AuditEntries.CountAsync(), await db.IdempotencyRecords.CountAsync());
        });

    public static Task<T> WithDbAsync<T>(this RapportApp app, Func<RapportDb, Task<T>> query) =>
        app.WithServicesAsync(sp => query(sp.GetRequiredService<RapportDb>()));
}

public sealed record StoredCounts(int Companies, int Contacts, int AuditEntries, int IdempotencyRecords);
