using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Rapport.Contacts.Import;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Import;

/// <summary>Uploads CSV files to the import endpoints and follows a job to its end.</summary>
public static class ImportClient
{
    /// <summary>Where each record type's imports live; contacts are the default.</summary>
    public const string Contacts = "/api/v1/imports";
    public const string Companies = "/api/v1/companies/imports";

    public static MultipartFormDataContent Form(byte[] csv, object? mapping = null, string? strategy = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "contacts.csv");
        if (mapping is not null) form.Add(new StringContent(JsonSerializer.Serialize(mapping)), "mapping");
        if (strategy is not null) form.Add(new StringContent(strategy), "strategy");
        return form;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static async Task<ImportResponse> StartAsync(this HttpClient client, byte[] csv, object? mapping = null, string? strategy = null,
        string path = Contacts)
    {
        var response = await client.PostAsync(path, Form(csv, mapping, strategy));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.ReadAsync<ImportResponse>();
    }

    /// <summary>Polls until the job has finished (the worker runs in the test server's background).</summary>
    public static async Task<ImportResponse> FinishedAsync(this HttpClient client, Guid id, string path = Contacts)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var job = await (await client.GetAsync($"{path}/{id}")).ReadAsync<ImportResponse>();
            if (job.Status is "completed" or "failed") return job;
            await Task.Delay(100);
        }
        throw new TimeoutException("The import did not finish in two minutes.");
    }

    public static async Task<ImportResponse> ImportAsync(this HttpClient client, byte[] csv, object? mapping = null, string? strategy = null,
        string path = Contacts) =>
        await client.FinishedAsync((await client.StartAsync(csv, mapping, strategy, path)).Id, path);
}
