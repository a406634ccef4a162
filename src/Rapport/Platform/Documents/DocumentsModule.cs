using Rapport.Activities;
using Rapport.Platform.Records;

namespace Rapport.Platform.Documents;

/// <summary>Files attached to any record type, with versions, stored under data/files/.</summary>
public static class DocumentsModule
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section)
            .Validate(o => o.MaxSizeMb > 0, "Rapport:Documents:MaxSizeMb must be at least 1.");
        return services.AddSingleton<FileStore>().AddScoped<DocumentTargets>().AddScoped<DocumentService>()
            .AddRecordPanel(new RecordPanel("documents", "Documents", 20,
                new HashSet<LinkedRecordType> { LinkedRecordType.Contact, LinkedRecordType.Company }, typeof(Pages.DocumentsPanel),
                async (services, type, id, ct) => new DocumentList(await services.GetRequiredService<DocumentService>().ListAsync(type, id, ct))));
    }
}
