namespace Rapport.Platform.Audit;

/// <summary>
/// Marks a property the system keeps for its own bookkeeping (e.g. when a reminder went out): changing it is not
/// something a person did to the record, so history does not list it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
