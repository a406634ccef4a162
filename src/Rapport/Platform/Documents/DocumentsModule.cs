namespace Rapport.Platform.Documents;

/// <summary>Files attached to any record type, with versions, stored under data/files/.</summary>
public static class DocumentsModule
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section)
            .Validate(o => o.MaxSizeMb > 0, "Rapport:Documents:MaxSizeMb must be at least 1.");
        return services.AddSingleton<FileStore>().AddScoped<DocumentTargets>().AddScoped<DocumentService>();
    }
}
