using System.Globalization;
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
        var bodyParameters = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Body)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);

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
                var (field, message, isSyntaxError) = Describe(key, error.ErrorMessage, bodyParameters);
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
        string key, string message, HashSet<string> bodyParameters)
    {
        var field = ToField(key, bodyParameters);
        if (UnmappedMember().Match(message) is { Success: true } unmapped)
        {
            // The path already ends with the unknown property, except at the root of the body.
            var name = unmapped.Groups["name"].Value;
            return (field == BodyKey ? name : field, "is not a recognised field; remove it", false);
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
            return (field, "has the wrong JSON type", false);
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

    [GeneratedRegex(@"The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"missing required properties including: '(?<name>[^']+)'")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"LineNumber: (\d+)")]
    private static partial Regex Position();
}
