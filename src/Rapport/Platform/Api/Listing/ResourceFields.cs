using System.Linq.Expressions;
using System.Reflection;

namespace Rapport.Platform.Api.Listing;

/// <summary>One field a list may be filtered or sorted by, under its API name.</summary>
public sealed record ListField(string Name, LambdaExpression Selector, bool Sortable)
{
    private static readonly NullabilityInfoContext Nullability = new();

    public Type Type => Selector.ReturnType;

    /// <summary>
    /// The type a filter value is read as when the column keeps it in another form (a custom date stored as ISO
    /// text is compared with a date); <see cref="ToStored"/> turns the value read into the stored form.
    /// </summary>
    public Type? LiteralType { get; init; }

    public Func<object, object>? ToStored { get; init; }

    /// <summary>For a list kept in a form EF Core cannot see as a collection (a custom multi select): builds
    /// <c>has</c> from the field and the value; such a field takes no other operator.</summary>
    public Func<Expression, string, Expression>? Has { get; init; }

    /// <summary>
    /// Whether the field can hold null. A non-nullable string property (<c>string LastName</c>) cannot: sorting it
    /// needs no "nulls last" term, and that term would stop the database from walking the column's index.
    /// </summary>
    public bool CanBeNull { get; } = CanHoldNull(Selector);

    private Delegate? compiled;

    /// <summary>Reads the field from a loaded record (for cursors); compiled once, not on every page.</summary>
    public object? ValueOf(object record) => (compiled ??= Selector.Compile()).DynamicInvoke(record);

    private static bool CanHoldNull(LambdaExpression selector)
    {
        var type = selector.ReturnType;
        if (type.IsValueType) return Nullable.GetUnderlyingType(type) is not null;
        if (selector.Body is MemberExpression { Member: PropertyInfo property })
        {
            lock (Nullability) return Nullability.Create(property).ReadState != NullabilityState.NotNull;
        }
        return true;
    }
}

/// <summary>
/// The allow-list of fields a resource exposes to <c>filter</c> and <c>sort</c>. Anything not named here
/// is rejected with a 400 that lists what is allowed.
/// </summary>
public sealed class ResourceFields<T>
{
    private readonly Dictionary<string, ListField> fields = new(StringComparer.OrdinalIgnoreCase);

    public ResourceFields<T> Add<TValue>(string name, Expression<Func<T, TValue>> selector, bool sortable = true)
    {
        fields[name] = new ListField(name, selector, sortable);
        return this;
    }

    public IEnumerable<ListField> All => fields.Values.Distinct();

    /// <summary>A copy with more fields, each under one or more names (a per-request addition such as custom fields).</summary>
    public ResourceFields<T> With(IEnumerable<(string Name, ListField Field)> extra)
    {
        var copy = new ResourceFields<T>();
        foreach (var (name, field) in fields) copy.fields[name] = field;
        foreach (var (name, field) in extra) copy.fields[name] = field;
        return copy;
    }

    public ListField Get(string name, string purpose) =>
        fields.TryGetValue(name, out var field) && (purpose != "sort" || field.Sortable)
            ? field
            : throw new BadRequestException(
                $"{purpose}: unknown {purpose} field '{Truncate(name)}'. Allowed: {string.Join(", ", All.Where(f => purpose != "sort" || f.Sortable).Select(f => f.Name))}.");

    private static string Truncate(string s) => s.Length > 50 ? s[..50] + "…" : s;
}
