using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Audit;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Audit;

/// <summary>Every create, update and delete writes one audit entry, whether it came through the API or a service (the UI's path).</summary>
public abstract class AuditTests(RapportApp app)
{
    private Task<List<AuditEntry>> EntriesAsync(Guid id) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());

    /// <summary>Runs as the UI does: a scope whose actor is a signed-in user, recorded as "ui".</summary>
    private async Task<T> AsUiUserAsync<T>(ApiUser user, string role, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.Email),
            new Claim(RapportClaims.DisplayName, "Form User"),
            new Claim(ClaimTypes.Role, role),
        ], "Identity.Application"));
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(principal, "ui");
        return await action(scope.ServiceProvider);
    }

    [Fact]
    public async Task ApiCreateUpdateDelete_WriteOneEntryEach()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await admin.CreateCompanyAsync(new { name = "Audited" });
        Assert.Single(await EntriesAsync(company.Id));
        await (await admin.Client.PatchJsonAsync($"/api/v1/companies/{company.Id}", new { industry = "Audit" })).EnsureSuccessAsync();
        await (await admin.Client.DeleteAsync($"/api/v1/companies/{company.Id}")).EnsureSuccessAsync();

        var entries = await EntriesAsync(company.Id);
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("company", admin.Id, "api"), (e.EntityType, e.ActorId!.Value, e.Via)));
    }

    [Fact]
    public async Task ServicePath_CreateUpdateDelete_WriteEntriesNamingTheUser()
    {
        var user = await app.CreateUserAsync(Roles.Manager);
        var contact = await AsUiUserAsync(user, Roles.Manager, sp => sp.GetRequiredService<ContactService>()
            .CreateAsync(new ContactInput { FirstName = "Formy", LastName = "McForm", LifecycleStage = LifecycleStage.Sql }, CancellationToken.None));
        await AsUiUserAsync(user, Roles.Manager, sp => sp.GetRequiredService<ContactService>()
            .UpdateAsync(contact.Id, contact.Version, c => c with { LifecycleStage = LifecycleStage.Customer }, CancellationToken.None));
        var company = await AsUiUserAsync(user, Roles.Manager, sp => sp.GetRequiredService<CompanyService>()
            .CreateAsync(new CompanyInput { Name = "Form Co" }, CancellationToken.None));
        await AsUiUserAsync(user, Roles.Manager, async sp =>
        {
            await sp.GetRequiredService<ContactService>().DeleteAsync(contact.Id, null, CancellationToken.None);
            await sp.GetRequiredService<CompanyService>().DeleteAsync(company.Id, null, CancellationToken.None);
            return 0;
        });

        var entries = await EntriesAsync(contact.Id);
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((user.Id, "Form User", "ui"), (e.ActorId!.Value, e.ActorName, e.Via)));
        Assert.Contains("\"old\":\"sql\",\"new\":\"customer\"", entries[1].Changes);
        Assert.Equal([AuditAction.Created, AuditAction.Deleted], (await EntriesAsync(company.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task DirectDbChanges_ThroughRapportDb_AreAuditedToo()
    {
        // Seed, import and CLI paths save through RapportDb like everything else; the interceptor sees them.
        var id = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            var company = new Company { Name = "Imported Ltd" };
            db.Companies.Add(company);
            await db.SaveChangesAsync();
            company.Industry = "Imports";
            await db.SaveChangesAsync();
            return company.Id;
        });
        var entries = await EntriesAsync(id);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("system", "test"), (e.ActorName, e.Via)));
        var stored = await app.WithDbAsync(db => db.Companies.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((2, entries[1].At), (stored.Version, stored.UpdatedAt));
    }
}

public sealed class AuditTestsOnSqlite(SqliteApp app) : AuditTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTestsOnPostgres(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>;
