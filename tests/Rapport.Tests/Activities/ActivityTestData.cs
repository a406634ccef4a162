using System.Net;
using System.Text.Json;
using Rapport.Activities;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Activities;

/// <summary>Intent methods for the activity tests: records to link to, and activities on them.</summary>
public static class ActivityTestData
{
    public static async Task<Guid> CreateCompanyAsync(this ApiUser user, string name)
    {
        var response = await user.Client.PostJsonAsync("/api/v1/companies", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateContactAsync(this ApiUser user, string lastName, Guid? companyId = null, string? email = null)
    {
        var response = await user.Client.PostJsonAsync("/api/v1/contacts", new
        {
            firstName = "Test",
            lastName,
            companyId,
            emails = email is null ? null : new[] { new { address = email, primary = true } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static object ContactLink(Guid id) => new { type = "contact", id };

    public static object CompanyLink(Guid id) => new { type = "company", id };

    /// <summary>Posts an activity document and expects it to be created.</summary>
    public static async Task<ActivityResponse> CreateActivityAsync(this ApiUser user, object body)
    {
        var response = await user.Client.PostJsonAsync("/api/v1/activities", body);
        if (response.StatusCode != HttpStatusCode.Created)
            Assert.Fail($"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<ActivityResponse>();
    }

    public static Task<ActivityResponse> CreateNoteAsync(this ApiUser user, Guid contactId, string body, string? occurredAt = null) =>
        user.CreateActivityAsync(new { type = "note", body, occurredAt, links = new[] { ContactLink(contactId) } });

    public static async Task<JsonElement> ErrorsOfAsync(this HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors");
    }
}
