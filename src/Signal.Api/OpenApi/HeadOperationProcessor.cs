using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Signal.Api.OpenApi;

/// <summary>
/// Documents the HEAD twin of each GET: its own operation id (<c>Pipelines_HeadGet</c> beside <c>Pipelines_Get</c>), the
/// same statuses and no body in any of them.
/// </summary>
public sealed class HeadOperationProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var description = context.OperationDescription;
        if (description.Method != OpenApiOperationMethod.Head)
        {
            return true;
        }

        var operation = description.Operation;
        var separator = operation.OperationId.IndexOf('_', StringComparison.Ordinal);
        operation.OperationId = string.Concat(operation.OperationId.AsSpan(0, separator + 1), "Head", operation.OperationId.AsSpan(separator + 1));
        operation.Summary = $"{operation.Summary} (headers only)";
        operation.Description = "Answers as the GET of the same path would, with its status and headers and no body.";
        // Responses may be shared with the GET's operation: replace them, never clear them.
        foreach (var (status, response) in operation.Responses.ToList())
        {
            operation.Responses[status] = new OpenApiResponse { Description = response.Description };
        }

        return true;
    }
}
