using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Signal.Api.Errors;
using Signal.Api.Http;

namespace Signal.Api.OpenApi;

/// <summary>
/// Documents the problem responses every protected action can give (401, 403, 429, 503, 500) and those of an
/// Idempotency-Key (409 while the first request runs, 422 for a key reused with another request), so each action
/// declares only the ones particular to it (400, 404, 409 …).
/// </summary>
public sealed class ProblemResponsesConvention : IApplicationModelConvention
{
    public void Apply(ApplicationModel application)
    {
        foreach (var action in application.Controllers.SelectMany(c => c.Actions))
        {
            var anonymous = action.Attributes.OfType<IAllowAnonymous>().Any()
                || action.Controller.Attributes.OfType<IAllowAnonymous>().Any();
            int[] statuses = anonymous ? [500] : [401, 403, 429, 500, 503];
            if (action.Parameters.Any(p => p.BindingInfo?.BinderModelName == RequestHeaders.IdempotencyKey))
            {
                statuses = [.. statuses, 409, 422];
            }

            var declared = action.Filters.OfType<IApiResponseMetadataProvider>().Select(p => p.StatusCode)
                .Concat(action.Attributes.OfType<IApiResponseMetadataProvider>().Select(p => p.StatusCode))
                .ToHashSet();
            foreach (var status in statuses.Where(s => !declared.Contains(s)))
            {
                action.Filters.Add(new ProducesResponseTypeAttribute(typeof(ApiProblem), status, MediaTypes.Problem));
            }
        }
    }
}
