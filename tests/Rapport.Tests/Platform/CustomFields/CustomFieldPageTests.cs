using Bunit;
using Rapport.Contacts.People.Pages;
using Rapport.Platform.Auth;
using Rapport.Platform.CustomFields;
using Rapport.Platform.CustomFields.Pages;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.CustomFields;

/// <summary>The admin page defines a field; the contact form then offers it, and the record page shows its value.</summary>
public abstract class CustomFieldPageTests(RapportApp app)
{
    [Fact]
    public async Task AdminDefinesAFieldOnThePage_TheFormOffersIt_AndTheRecordShowsItsValue()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var label = "Tier " + Guid.NewGuid().ToString("N")[..6];
        var name = CustomFieldsPage.SuggestName(label);
        await using var context = await app.PageContextAsync(admin.Id);
        context.RenderProviders();

        var page = context.Render<CustomFieldsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=cf-new]"));
        await page.Find("[data-testid=cf-new]").ClickAsync(new());
        page.Find("input[data-testid=cf-label]").Input(label);
        page.WaitForAssertion(() => Assert.Equal(name, page.Find("input[data-testid=cf-name]").GetAttribute("value")));
        page.Find("input[data-testid=cf-help]").Change("Contract tier");
        await page.Find("[data-testid=cf-save]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains(label, page.Find($"[data-testid=cf-row-{name}]").TextContent));

        var field = (await app.WithServicesAsync(sp => sp.GetRequiredService<CustomFieldService>().ListAsync("contact", default)))
            .Single(f => f.Name == name);
        Assert.Equal((CustomFieldType.Text, "Contract tier"), (field.Type, field.HelpText));

        var editor = context.Render<ContactEditor>();
        editor.WaitForAssertion(() => Assert.Contains("Contract tier", editor.Find($"[data-testid=cf-field-{name}]").TextContent));

        var contact = await admin.CreateContactAsync(new { lastName = "Shown", customFields = new Dictionary<string, object> { [name] = "gold" } });
        var record = context.Render<ContactRecord>(p => p.Add(r => r.Id, contact.Id));
        record.WaitForAssertion(() => Assert.Contains("gold", record.Find($"[data-field='customFields.{name}']").TextContent));
        Assert.Contains(label, record.Find($"[data-field='customFields.{name}']").TextContent);
    }
}

public sealed class CustomFieldPageTestsOnSqlite(SqliteApp app) : CustomFieldPageTests(app), IClassFixture<SqliteApp>;

public sealed class CustomFieldPageTestsOnPostgres(PostgresApp app) : CustomFieldPageTests(app), IClassFixture<PostgresApp>;
