using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Rapport.Bench.Data;

namespace Rapport.Bench.Load;

/// <summary>
/// The raw baselines behind bare Kestrel, in the bench process: a constant JSON body, and the same contact
/// lookup the API does (contact by primary key, with its company's name) through plain ADO.NET into JSON,
/// with no ORM, no auth and no middleware.
/// </summary>
public sealed class RawServer : IAsyncDisposable
{
    private const string Lookup = """
        SELECT c."Id", c."FirstName", c."LastName", c."Emails", c."Phones", c."PrimaryEmail", c."PrimaryPhone", c."JobTitle",
               c."CompanyId", co."Name", c."City", c."Country", c."LifecycleStage", c."Source", c."OwnerId", c."Tags", c."Notes",
               c."Version", c."CreatedAt", c."UpdatedAt"
        FROM "Contacts" c LEFT JOIN "Companies" co ON co."Id" = c."CompanyId"
        WHERE c."Id" = @id
        """;

    private static readonly byte[] Constant = JsonSerializer.SerializeToUtf8Bytes(new { message = "Hello, World!", version = 1 });

    private readonly WebApplication app;

    private RawServer(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<RawServer> StartAsync(BenchDatabase database, CancellationToken ct)
    {
        var url = $"http://127.0.0.1:{RapportServer.FreePort()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.Services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        var app = builder.Build();
        app.MapGet("/json", (HttpContext http) =>
        {
            http.Response.ContentType = "application/json";
            return http.Response.Body.WriteAsync(Constant).AsTask();
        });
        app.MapGet("/contacts/{id:guid}", (Guid id, HttpContext http) => WriteContactAsync(database, id, http));
        await app.StartAsync(ct);
        return new RawServer(app, url);
    }

    private static async Task WriteContactAsync(BenchDatabase database, Guid id, HttpContext http)
    {
        await using var connection = RawBulkInsert.Open(database);
        await connection.OpenAsync(http.RequestAborted);
        await using var command = connection.CreateCommand();
        command.CommandText = Lookup;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        if (!await reader.ReadAsync(http.RequestAborted))
        {
            http.Response.StatusCode = 404;
            return;
        }
        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteStartObject();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            json.WritePropertyName(char.ToLowerInvariant(name[0]) + name[1..]);
            Write(json, reader, i);
        }
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    private static void Write(Utf8JsonWriter json, DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            json.WriteNullValue();
            return;
        }
        switch (reader.GetValue(i))
        {
            case int n: json.WriteNumberValue(n); break;
            case long n: json.WriteNumberValue(n); break;
            case Guid g: json.WriteStringValue(g); break;
            case DateTime d: json.WriteStringValue(d); break;
            case string[] list:
                json.WriteStartArray();
                foreach (var s in list) json.WriteStringValue(s);
                json.WriteEndArray();
                break;
            case var v: json.WriteStringValue(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
