using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Signal.Api.Auth;
using Signal.Api.Contracts.Templates;
using Signal.Api.Errors;
using Signal.Api.Http;
using Signal.Application.Catalog;
using Signal.Application.Catalog.GetVendor;
using Signal.Application.Catalog.ListVendors;
using Signal.Application.Templates.InstallFromCatalog;
using Signal.Domain.Catalog;

namespace Signal.Api.Controllers;

/// <summary>The library of vendor integrations this build ships.</summary>
[ApiController]
[Route("v1/admin/integration-catalog")]
[Authorize(Policy = Policies.Viewer)]
public sealed class IntegrationCatalogController(ISender sender) : ControllerBase
{
    /// <summary>List catalog vendors</summary>
    /// <remarks>All 39 vendors, optionally filtered; filters combine. `categories` always lists the six categories.</remarks>
    /// <param name="search">Case-insensitive substring of the vendor's key, name or description.</param>
    /// <param name="category">advertising, analytics, attribution, cdp, cloud_storage or other.</param>
    /// <param name="status">ga or beta.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet]
    [ProducesResponseType<ListVendorsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    public async Task<ListVendorsResponse> List(
        [FromQuery] string? search,
        [FromQuery] VendorCategory? category,
        [FromQuery] VendorStatus? status,
        CancellationToken cancellationToken) =>
        await sender.Send(new ListVendorsQuery(search, category, status), cancellationToken);

    /// <summary>Get a catalog vendor</summary>
    /// <remarks>The vendor with its config fields and variants.</remarks>
    /// <param name="vendor">The vendor key, e.g. meta_capi.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{vendor}")]
    [ProducesResponseType<VendorResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<VendorResponse> Get(string vendor, CancellationToken cancellationToken) =>
        await sender.Send(new GetVendorQuery(vendor), cancellationToken);

    /// <summary>Install from the catalog</summary>
    /// <remarks>
    /// One click: creates an integration template and its revision v1 in one transaction. The v1 config is the fields'
    /// defaults, overlaid by the variant's defaults, overlaid by `config`.
    /// </remarks>
    /// <param name="vendor">The vendor key, e.g. meta_capi.</param>
    /// <param name="request">Name, variant, config overrides, delivery mode and description.</param>
    /// <param name="idempotencyKey">Optional, up to 255 characters: a retry with the same key within 24 h gets the first response again instead of a second effect.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("{vendor}/install")]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<InstallFromCatalogResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public async Task<ActionResult<InstallFromCatalogResponse>> Install(
        string vendor, InstallRequest request, [FromHeader(Name = RequestHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var installed = await sender.Send(
            new InstallFromCatalogCommand(vendor, request.Name, request.Variant, request.Config, request.DeliveryMode, request.Description, idempotencyKey),
            cancellationToken);
        return CreatedAtAction(
            nameof(IntegrationTemplatesController.Get), "IntegrationTemplates", new { id = installed.Template.Id }, installed);
    }
}
