namespace Rapport.Platform.CustomFields;

public static class CustomFieldsModule
{
    public static IServiceCollection AddCustomFields(this IServiceCollection services) =>
        services.AddScoped<CustomFieldService>().AddScoped<CustomFieldValues>();
}
