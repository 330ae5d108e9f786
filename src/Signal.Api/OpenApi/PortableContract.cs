using NJsonSchema;
using NSwag;

namespace Signal.Api.OpenApi;

/// <summary>
/// Rewrites the few shapes NSwag emits that OpenAPI 3.0 validators and linters (Redocly, Spectral) reject, into
/// equivalent ones every generator still reads the same way (docs/decisions/0007-contract-and-client.md):
/// <list type="bullet">
/// <item>an operation without a token (the health probes) says so with <c>security: [{}]</c>;</item>
/// <item>a nullable reference (<c>nullable</c> beside a lone <c>oneOf</c>, no <c>type</c>) becomes a <c>oneOf</c> of
/// the reference and a typed <c>null</c>, so a <c>null</c> in an example validates;</item>
/// <item>a nullable free-form value drops <c>nullable</c> (with no type it already admits null);</item>
/// <item>a lone <c>oneOf</c> without null becomes <c>allOf</c> (a reference with a description);</item>
/// <item>response schemas stop saying <c>additionalProperties: false</c>: responses may gain fields within v1, and a
/// client must ignore the ones it does not know. Request schemas keep it — unknown fields are refused.</item>
/// </list>
/// </summary>
public static class PortableContract
{
    public static void Apply(OpenApiDocument document)
    {
        // The health probes need no token: one empty requirement says so (an empty list would not be written).
        foreach (var operation in document.Operations.Select(o => o.Operation).Where(o => o.Security is null || o.Security.Count == 0))
        {
            operation.Security = [new OpenApiSecurityRequirement()];
        }

        var everySchema = Reachable(document.Components.Schemas.Values
            .Concat(document.Operations.SelectMany(o => o.Operation.ActualParameters.Select(p => p.Schema)))
            .Concat(document.Operations.SelectMany(o => Bodies(o.Operation))), followReferences: false);
        var requestSchemas = Reachable(
            document.Operations.SelectMany(o => o.Operation.RequestBody?.Content.Values.Select(c => c.Schema) ?? []),
            followReferences: true);

        foreach (var schema in everySchema)
        {
            if (schema.IsNullableRaw == true && schema.OneOf.Count == 1 && schema.Type == JsonObjectType.None)
            {
                var referenced = schema.OneOf.Single().ActualSchema;
                schema.IsNullableRaw = null;
                var nullOnly = new JsonSchema
                {
                    Type = referenced.Type == JsonObjectType.None ? JsonObjectType.Object : referenced.Type,
                    IsNullableRaw = true,
                };
                nullOnly.Enumeration.Add(null);
                schema.OneOf.Add(nullOnly);
            }
            else if (schema.IsNullableRaw == true && schema.Type == JsonObjectType.None && !schema.HasReference
                     && schema.OneOf.Count == 0 && schema.AllOf.Count == 0)
            {
                schema.IsNullableRaw = null;
            }
            else if (schema.OneOf.Count == 1)
            {
                schema.AllOf.Add(schema.OneOf.Single());
                schema.OneOf.Clear();
            }

            if (!requestSchemas.Contains(schema))
            {
                schema.AllowAdditionalProperties = true;
            }
        }
    }

    private static IEnumerable<JsonSchema> Bodies(OpenApiOperation operation) =>
        operation.Responses.Values.SelectMany(r => r.Content.Values.Select(c => c.Schema))
            .Concat(operation.RequestBody?.Content.Values.Select(c => c.Schema) ?? []);

    /// <summary>
    /// The schemas under <paramref name="roots"/>: properties, items, additional properties and compositions, and with
    /// <paramref name="followReferences"/> the components they point to.
    /// </summary>
    private static HashSet<JsonSchema> Reachable(IEnumerable<JsonSchema?> roots, bool followReferences)
    {
        var seen = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<JsonSchema>(roots.OfType<JsonSchema>());
        while (pending.TryPop(out var schema))
        {
            if (!seen.Add(schema))
            {
                continue;
            }

            IEnumerable<JsonSchema?> children =
            [
                .. schema.Properties.Values, schema.Item, .. schema.Items, schema.AdditionalPropertiesSchema,
                .. schema.AllOf, .. schema.OneOf, .. schema.AnyOf, followReferences ? schema.Reference : null,
            ];
            foreach (var child in children.OfType<JsonSchema>())
            {
                pending.Push(child);
            }
        }

        return seen;
    }
}
