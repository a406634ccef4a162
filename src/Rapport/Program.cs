using Rapport.Contacts;
using Rapport.Platform.Api;
using Rapport.Platform.Hosting;
using Rapport.Platform.Ui;

// `rapport` serves; `rapport <command>` runs an operator command against the same configuration.
return await RapportCli.RunAsync(args, CreateApp);

static WebApplication CreateApp(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddRapportPlatform(builder.Configuration);
    builder.Services.AddRapportUi();
    builder.Services.AddContacts();

    var app = builder.Build();
    app.UseRapportPlatform();
    app.MapRapportApi().MapContacts();
    app.MapRapportUi();
    return app;
}

public partial class Program;
