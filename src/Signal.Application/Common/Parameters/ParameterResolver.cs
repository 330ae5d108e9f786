using System.Text.Json.Nodes;
using Signal.Domain.Parameters;

namespace Signal.Application.Common.Parameters;

/// <summary>
/// Substitutes <c>{{pipeline_param.KEY}}</c> with the pipeline's parameter values — in every string value of a config,
/// nested objects and arrays included, several references per string allowed. A reference to a key the pipeline does
/// not define stays as it is and is reported. Substituted text is not scanned again, so values may contain braces.
/// </summary>
public static class ParameterResolver
{
    public static ResolvedParameters Resolve(JsonObject config, IReadOnlyDictionary<string, string> parameters)
    {
        var unresolved = new SortedSet<string>(StringComparer.Ordinal);
        var resolved = (JsonObject)ResolveNode(config, parameters, unresolved)!;
        return new ResolvedParameters(resolved, [.. unresolved]);
    }

    private static JsonNode? ResolveNode(JsonNode? node, IReadOnlyDictionary<string, string> parameters, ISet<string> unresolved) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, ResolveNode(p.Value, parameters, unresolved)))),
        JsonArray array => new JsonArray([.. array.Select(item => ResolveNode(item, parameters, unresolved))]),
        JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("{{pipeline_param.", StringComparison.Ordinal) =>
            JsonValue.Create(ParameterReference.Pattern.Replace(text, match =>
            {
                var key = match.Groups[1].Value;
                if (parameters.TryGetValue(key, out var replacement))
                {
                    return replacement;
                }

                unresolved.Add(key);
                return match.Value;
            })),
        _ => node?.DeepClone(),
    };
}

/// <summary>The config with references substituted, and the keys it references that the pipeline does not define.</summary>
public sealed record ResolvedParameters(JsonObject Config, IReadOnlyList<string> Unresolved);
