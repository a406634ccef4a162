namespace Rapport.Platform.Data;

/// <summary>A record a user can create, edit and see the history of.</summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Incremented on every change by <see cref="Audit.AuditInterceptor"/>; exposed as the ETag.</summary>
    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
}

/// <summary>A record with an owner, for the "own records only" permission scope.</summary>
public interface IOwned
{
    Guid? OwnerId { get; }
}
