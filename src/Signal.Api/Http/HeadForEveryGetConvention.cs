using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Signal.Api.Http;

/// <summary>
/// Every action that answers GET answers HEAD too, with the same authorisation, rate limit, status and headers (ETag
/// included), so a caller can check that a resource exists or has changed without reading it. The body is dropped by
/// <see cref="HeadResponseMiddleware"/>.
/// </summary>
public sealed class HeadForEveryGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            var constraint = selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault();
            if (constraint is null
                || !constraint.HttpMethods.Contains(HttpMethods.Get)
                || constraint.HttpMethods.Contains(HttpMethods.Head))
            {
                continue;
            }

            string[] methods = [.. constraint.HttpMethods, HttpMethods.Head];
            selector.ActionConstraints.Remove(constraint);
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(methods));
            var metadata = selector.EndpointMetadata.OfType<HttpMethodMetadata>().ToList();
            foreach (var item in metadata)
            {
                selector.EndpointMetadata.Remove(item);
            }

            selector.EndpointMetadata.Add(new HttpMethodMetadata(methods, metadata.Any(m => m.AcceptCorsPreflight)));
        }
    }
}
