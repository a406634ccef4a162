using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Rapport.Activities;
using Rapport.Activities.Calendar;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Duplicates;
using Rapport.Contacts.Import;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Idempotency;
using Rapport.Platform.Audit;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.ApiKeys;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Notifications;

namespace Rapport.Platform.Data;

/// <summary>
/// The one database context. Provider specifics live in <see cref="SqliteRapportDb"/> and
/// <see cref="PostgresRapportDb"/>, which also own their migration sets.
/// </summary>
public abstract class RapportDb(DbContextOptions options)
    : IdentityDbContext<RapportUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// Who is saving: the scope's actor, set when the scope rents this context from the pool (DataSetup), so that the
    /// save interceptors can be singletons and the options built once for the process (decision 0014). Tools that
    /// build a context by hand (migrations) get an anonymous actor.
    /// </summary>
    public Auth.CurrentActor Actor { get; internal set; } = new();

    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActivityLink> ActivityLinks => Set<ActivityLink>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportJob> Imports => Set<ImportJob>();
    public DbSet<ImportError> ImportErrors => Set<ImportError>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<RecordFollow> RecordFollows => Set<RecordFollow>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<Email.OutgoingEmail> OutgoingEmails => Set<Email.OutgoingEmail>();
    public DbSet<CustomFieldDefinition> CustomFieldDefinitions => Set<CustomFieldDefinition>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RapportDb).Assembly);
        DuplicateKeys.Configure(builder, Provider);

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
        {
            // Optimistic concurrency on both providers: UPDATE ... WHERE "Version" = @original.
            builder.Entity(entityType.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
        }
    }
}
