using Rapport.Activities;
using Rapport.Contacts;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Documents;
using Rapport.Platform.Notifications;
using Rapport.Platform.Search.Global;
using Rapport.Platform.Segments;
using Rapport.Platform.Tags;

namespace Rapport;

/// <summary>
/// The product's modules, registered in one place so that every host — the server, the operator commands and the
/// benchmark's in-process host — gets the same services (start-up seeds every module's demo data).
/// </summary>
public static class RapportModules
{
    public static IServiceCollection AddRapportModules(this IServiceCollection services) =>
        services.AddCustomFields().AddGlobalSearch().AddNotifications().AddContacts().AddActivities().AddDocuments().AddTags()
            .AddSegments();
}
