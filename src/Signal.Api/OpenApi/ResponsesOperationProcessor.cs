using System.Text.Json;
using Newtonsoft.Json.Linq;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using Signal.Api.Errors;

namespace Signal.Api.OpenApi;

/// <summary>
/// Completes each documented response: problem responses under <c>application/problem+json</c>, and an example
/// serialised exactly as the API would write it.
/// </summary>
public sealed class ResponsesOperationProcessor(ExampleRegistry examples, JsonSerializerOptions jsonOptions) : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context is not AspNetCoreOperationProcessorContext { ApiDescription: var api })
        {
            return true;
        }

        foreach (var (statusText, response) in context.OperationDescription.Operation.Responses)
        {
            var status = int.Parse(statusText, System.Globalization.CultureInfo.InvariantCulture);
            var type = api.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode == status)?.Type;
            if (type is null)
            {
                continue;
            }

            // One media type per response: JSON for results, problem+json for errors.
            var mediaType = type == typeof(ApiProblem) ? ProblemResponsesConvention.ProblemContentType : "application/json";
            if (response.Content.Values.FirstOrDefault() is { } media)
            {
                response.Content.Clear();
                response.Content[mediaType] = media;
            }

            if (examples.Find(type, status) is { } example)
            {
                var json = JToken.Parse(JsonSerializer.Serialize(example, type, jsonOptions));
                foreach (var content in response.Content.Values)
                {
                    content.Example = json;
                }
            }
        }

        return true;
    }
}
