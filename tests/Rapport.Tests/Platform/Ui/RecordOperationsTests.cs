using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Platform.Ui.Records;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Ui;

/// <summary>
/// What the Blazor pages do with records goes through <see cref="RecordOperations"/>: the same services as the
/// API, as the signed-in user, so row scoping, validation and the audit trail hold for the UI too.
/// </summary>
public abstract class RecordOperationsTests(RapportApp app)
{
    [Fact]
    public async Task SalesUser_InTheUi_SeesAnotherRepsCompanyAsNotFound_AndListsOnlyTheirOwn()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var otherRep = await app.CreateUserAsync(Roles.Sales);
        var mine = await (await rep.Client.PostJsonAsync("/api/v1/companies", new { name = "Mine Ltd" })).ReadAsync<CompanyResponse>();
        var theirs = await (await otherRep.Client.PostJsonAsync("/api/v1/companies", new { name = "Theirs Ltd" })).ReadAsync<CompanyResponse>();
        var ui = await OperationsForAsync(rep.Email);

        var other = await ui.RunAsync<CompanyService, Company>(s => s.GetAsync(theirs.Id, CancellationToken.None));
        var own = await ui.RunAsync<CompanyService, Company>(s => s.GetAsync(mine.Id, CancellationToken.None));
        var list = await ui.PageAsync<CompanyService, Company, CompanyResponse>(s => s.Readable(),
            new ListRequest(null, null, null, null, null), CompanyFields.All, CompanyFields.DefaultSort, 0, 50, CompanyResponse.From);

        Assert.True(other.Problem?.IsNotFound, "another rep's company must look missing, not forbidden");
        Assert.Equal("Mine Ltd", own.Value?.Name);
        Assert.Equal([mine.Id], list.Value!.Rows.Select(c => c.Id));
        Assert.Equal(1, list.Value.Total);
    }

    [Fact]
    public async Task SaveFromTheUi_IsAuditedAsTheSignedInUser_ViaUi()
    {
        var manager = await app.CreateUserAsync(Roles.Manager);
        var ui = await OperationsForAsync(manager.Email);

        var created = await ui.RunAsync<CompanyService, Company>(s => s.CreateAsync(new CompanyInput { Name = "Audited GmbH" }, CancellationToken.None));
        var updated = await ui.RunAsync<CompanyService, Company>(s =>
            s.UpdateAsync(created.Value!.Id, 1, input => input with { Industry = "Energy" }, CancellationToken.None));
        var history = await ui.RunAsync<CompanyService, IReadOnlyList<Rapport.Platform.Audit.HistoryEntry>>(s =>
            s.HistoryAsync(created.Value!.Id, CancellationToken.None));

        Assert.True(updated.Succeeded);
        Assert.Equal(["updated", "created"], history.Value!.Select(h => h.Action));
        Assert.All(history.Value!, h => Assert.Equal(("ui", manager.Id), (h.Via, h.ActorId)));
        var change = Assert.Single(history.Value![0].Changes);
        Assert.Equal(("industry", null, "Energy"), (change.Field, change.Old, change.New));
        Assert.Equal(manager.Id, created.Value!.OwnerId);
    }

    [Fact]
    public async Task InvalidInputFromTheUi_ComesBackAsFieldErrorsKeyedByJsonPath_AndSavesNothing()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var ui = await OperationsForAsync(admin.Email);
        var input = new ContactInput
        {
            LastName = "Nobody",
            Emails = [new EmailInput { Address = "ok@example.com", Primary = true }, new EmailInput { Address = "not-an-email" }],
        };

        var result = await ui.RunAsync<ContactService, Contact>(s => s.CreateAsync(input, CancellationToken.None));
        var stored = await ui.PageAsync<ContactService, Contact, ContactResponse>(s => s.Readable(),
            new ListRequest("lastName eq 'Nobody'", null, null, null, null), ContactFields.All, ContactFields.DefaultSort, 0, 10, ContactResponse.From);

        Assert.True(result.Problem?.IsValidation);
        Assert.Equal(["emails[1].address"], result.Problem!.Errors.Keys);
        Assert.Equal(0, stored.Value!.Total);
    }

    [Fact]
    public async Task StaleVersionFromTheUi_IsAConflictProblem_NotACrash()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var ui = await OperationsForAsync(admin.Email);
        var company = await ui.RunAsync<CompanyService, Company>(s => s.CreateAsync(new CompanyInput { Name = "Racy Inc" }, CancellationToken.None));
        await ui.RunAsync<CompanyService, Company>(s => s.UpdateAsync(company.Value!.Id, 1, i => i with { Phone = "+1 555 0100" }, CancellationToken.None));

        var stale = await ui.RunAsync<CompanyService, Company>(s => s.UpdateAsync(company.Value!.Id, 1, i => i with { Phone = "+1 555 0199" }, CancellationToken.None));

        Assert.Equal(412, stale.Problem?.Status);
    }

    /// <summary>The operations a page of a circuit signed in as this user would get.</summary>
    private async Task<RecordOperations> OperationsForAsync(string email)
    {
        var principal = await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<RapportUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
            return await services.GetRequiredService<IUserClaimsPrincipalFactory<RapportUser>>().CreateAsync(user);
        });
        var circuitActor = new CurrentActor();
        circuitActor.Set(principal, "ui");
        return new RecordOperations(app.Services.GetRequiredService<IServiceScopeFactory>(), circuitActor, NullLogger<RecordOperations>.Instance);
    }
}

public sealed class RecordOperationsTestsOnSqlite(SqliteApp app) : RecordOperationsTests(app), IClassFixture<SqliteApp>;

public sealed class RecordOperationsTestsOnPostgres(PostgresApp app) : RecordOperationsTests(app), IClassFixture<PostgresApp>;
