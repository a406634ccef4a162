using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Rapport.Platform.Api;

/// <summary>
/// Runs the data annotations of a request and of the objects and lists inside it, naming each error by its
/// JSON path (<c>emails[0].address</c>) so a developer can find it.
/// </summary>
public static class RequestValidator
{
    public static void ThrowIfInvalid(object request, Dictionary<string, string[]>? extra = null)
    {
        var errors = extra ?? [];
        Collect(request, "", errors, depth: 0);
        if (errors.Count > 0) throw new RequestValidationException(errors, Detail(errors));
    }

    /// <summary>A detail that names the fields at fault (<c>customFields.tier: expected one of: 'gold'</c>), not only "invalid".</summary>
    public static string Detail(IDictionary<string, string[]> errors)
    {
        var named = errors.Take(3).Select(e => e.Key.Length == 0 ? string.Join(" ", e.Value) : $"{e.Key}: {string.Join(" ", e.Value)}");
        return "One or more fields are invalid: " + string.Join("; ", named) + (errors.Count > 3 ? "; …" : "");
    }

    private static void Collect(object value, string path, Dictionary<string, string[]> errors, int depth)
    {
        if (depth > 5) return;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                var key = Join(path, Camel(member));
                errors[key] = [.. errors.GetValueOrDefault(key, []), result.ErrorMessage ?? "Invalid."];
            }
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var child = property.GetValue(value);
            var childPath = Join(path, Camel(property.Name));
            switch (child)
            {
                case string text:
                    AddTextProblem(text, childPath, errors);
                    break;
                case null or ValueType: break;
                case IEnumerable list:
                    var i = 0;
                    foreach (var item in list)
                    {
                        if (item is string itemText) AddTextProblem(itemText, $"{childPath}[{i}]", errors);
                        else if (item is not null and not ValueType) Collect(item, $"{childPath}[{i}]", errors, depth + 1);
                        i++;
                    }
                    break;
                default:
                    Collect(child, childPath, errors, depth + 1);
                    break;
            }
        }
    }

    private static void AddTextProblem(string text, string path, Dictionary<string, string[]> errors)
    {
        if (StoredText.Problem(text) is { } problem)
            errors[path] = [.. errors.GetValueOrDefault(path, []), $"{path} {problem}"];
    }

    private static string Join(string path, string member) =>
        path.Length == 0 ? member : member.Length == 0 ? path : $"{path}.{member}";

    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
