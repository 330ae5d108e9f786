using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Newtonsoft.Json.Linq;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using Signal.Api.Errors;
using Signal.Api.Http;

namespace Signal.Api.OpenApi;

/// <summary>
/// Completes each documented operation: one media type per response (JSON for results, problem+json for errors, files
/// as declared), and
/// examples of request and response bodies serialised exactly as the API reads and writes them.
/// </summary>
public sealed class ResponsesOperationProcessor(ExampleRegistry examples, JsonSerializerOptions jsonOptions) : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context is not AspNetCoreOperationProcessorContext { ApiDescription: var api })
        {
            return true;
        }

        var operation = context.OperationDescription.Operation;
        var bodyType = api.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (bodyType is not null && operation.RequestBody is { } body)
        {
            SetExample(body.Content, bodyType, examples.Find(bodyType));
        }

        foreach (var (statusText, response) in operation.Responses)
        {
            var status = int.Parse(statusText, CultureInfo.InvariantCulture);
            var type = api.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode == status)?.Type;
            if (type is null || typeof(FileResult).IsAssignableFrom(type) || response.Content.Values.FirstOrDefault() is not { } media)
            {
                continue; // Files keep the media type their action declares.
            }

            response.Content.Clear();
            response.Content[type == typeof(ApiProblem) ? MediaTypes.Problem : MediaTypes.Json] = media;
            SetExample(response.Content, type, examples.Find(type, status));
        }

        return true;
    }

    private void SetExample(IDictionary<string, OpenApiMediaType> content, Type type, object? example)
    {
        if (example is null)
        {
            return;
        }

        var json = JToken.Parse(JsonSerializer.Serialize(example, type, jsonOptions));
        foreach (var media in content.Values)
        {
            media.Example = json;
        }
    }
}
