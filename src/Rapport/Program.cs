using Rapport;
using Rapport.Activities;
using Rapport.Contacts;
using Rapport.Platform.Api;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Documents;
using Rapport.Platform.Email;
using Rapport.Platform.Hosting;
using Rapport.Platform.Notifications;
using Rapport.Platform.Search.Global;
using Rapport.Platform.Segments;
using Rapport.Platform.Tags;
using Rapport.Platform.Ui;

// `rapport` serves; `rapport <command>` runs an operator command against the same configuration.
return await RapportCli.RunAsync(args, CreateApp);

static WebApplication CreateApp(string[] args)
{
    // Settings and web assets ship beside the binary; data/ stays relative to where Rapport is started.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.WebHost.UseStaticWebAssets();
    builder.Services.AddRapportPlatform(builder.Configuration);
    builder.Services.AddRapportUi();
    builder.Services.AddRapportModules();

    var app = builder.Build();
    app.UseRapportPlatform();
    app.MapRapportApi().MapContacts().MapActivities().MapDocuments().MapGlobalSearch().MapNotifications().MapTags().MapSegments()
        .MapCustomFields().MapOutgoingEmails();
    app.MapCalendarFeeds();
    app.MapContactExports();
    app.MapSegmentExports();
    app.MapDocumentFiles();
    app.MapRapportUi();
    return app;
}

public partial class Program;
