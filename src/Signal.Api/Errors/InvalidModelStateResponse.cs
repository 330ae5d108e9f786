using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Signal.Api.Http;

namespace Signal.Api.Errors;

/// <summary>
/// Turns model-binding failures (malformed JSON, unknown fields, wrong types, missing body) into the same 400 problem
/// as validation failures, keyed by snake_case JSON path and worded without .NET type names.
/// </summary>
public static partial class InvalidModelStateResponse
{
    public const string BodyKey = "body";

    public static IActionResult Create(ActionContext context)
    {
        var body = context.ActionDescriptor.Parameters.Where(p => p.BindingInfo?.BindingSource == BindingSource.Body).ToList();
        var bodyParameters = body.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var bodyType = body.FirstOrDefault()?.ParameterType;

        var failed = context.ModelState.Where(e => e.Value?.Errors.Count > 0).ToList();

        // A body that fails to deserialise also leaves "the body parameter is required"; the specific error is enough.
        if (failed.Any(e => !bodyParameters.Contains(e.Key)))
        {
            failed.RemoveAll(e => bodyParameters.Contains(e.Key));
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var malformed = false;
        foreach (var (key, entry) in failed)
        {
            foreach (var error in entry!.Errors)
            {
                var (field, message, isSyntaxError) = Describe(key, error.ErrorMessage, bodyParameters, bodyType);
                malformed |= isSyntaxError;
                errors.TryAdd(field, []);
                errors[field].Add(message);
            }
        }

        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = malformed
                ? "The request body is not valid JSON."
                : "One or more fields are invalid; see errors for what to fix.",
            Extensions =
            {
                ["code"] = malformed ? "malformed_json" : "validation_failed",
                ["errors"] = errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray()),
            },
        };
        return ProblemDefaults.ToResult(context.HttpContext, problem);
    }

    private static (string Field, string Message, bool IsSyntaxError) Describe(
        string key, string message, HashSet<string> bodyParameters, Type? bodyType)
    {
        var field = ToField(key, bodyParameters);
        if (UnmappedMember().Match(message) is { Success: true } unmapped)
        {
            // The path already ends with the unknown property, except at the root of the body.
            var name = unmapped.Groups["name"].Value;
            return (field == BodyKey ? name : field, "is not a recognised field; remove it", false);
        }

        if (message.StartsWith("Duplicate", StringComparison.Ordinal))
        {
            return (field, "is sent more than once; send each field once", false);
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return (JoinPath(field, missing.Groups["name"].Value), "is required", false);
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return (BodyKey, $"nests objects and arrays deeper than {RequestLimits.MaxJsonDepth} levels", false);
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            var enumType = bodyType is null ? null : EnumAt(bodyType, field);
            return (field, enumType is null
                ? "has the wrong JSON type"
                : $"must be one of: {string.Join(", ", Http.WireEnumModelBinder.AllowedValues(enumType))}", false);
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("allow", StringComparison.Ordinal))
        {
            return (field, "must not be null", false);
        }

        if (bodyParameters.Contains(key) || key.Length == 0)
        {
            return (BodyKey, "a JSON object is required", false);
        }

        if (message.Contains("LineNumber", StringComparison.Ordinal) || message.Contains("invalid", StringComparison.OrdinalIgnoreCase))
        {
            var position = Position().Match(message);
            return (BodyKey, position.Success ? $"is not valid JSON (line {int.Parse(position.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + 1})" : "is not valid JSON", true);
        }

        return (field, message, false);
    }

    private static string ToField(string key, HashSet<string> bodyParameters)
    {
        if (key is "$" || bodyParameters.Contains(key))
        {
            return BodyKey;
        }

        return key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
    }

    private static string JoinPath(string parent, string name) => parent == BodyKey ? name : $"{parent}.{name}";

    /// <summary>The enum type of the property at a snake_case JSON path of the body (<c>js_builder_config.delivery_method</c>), if it is one.</summary>
    private static Type? EnumAt(Type bodyType, string path)
    {
        Type? type = bodyType;
        foreach (var segment in path.Split('.'))
        {
            type = type?.GetProperties().FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == segment)?.PropertyType;
        }

        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type is { IsEnum: true } ? type : null;
    }

    [GeneratedRegex(@"The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"missing required properties including: '(?<name>[^']+)'")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"LineNumber: (\d+)")]
    private static partial Regex Position();
}
