using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Signal.Api.Errors;
using Signal.Api.Http;

namespace Signal.Api.OpenApi;

/// <summary>
/// Documents the problem responses every protected action can give (401, 403, 503, 500), so each action declares only
/// the ones particular to it (400, 404, 409 …).
/// </summary>
public sealed class ProblemResponsesConvention : IApplicationModelConvention
{
    public void Apply(ApplicationModel application)
    {
        foreach (var action in application.Controllers.SelectMany(c => c.Actions))
        {
            var anonymous = action.Attributes.OfType<IAllowAnonymous>().Any()
                || action.Controller.Attributes.OfType<IAllowAnonymous>().Any();
            int[] statuses = anonymous ? [500] : [401, 403, 500, 503];
            foreach (var status in statuses)
            {
                action.Filters.Add(new ProducesResponseTypeAttribute(typeof(ApiProblem), status, MediaTypes.Problem));
            }
        }
    }
}
