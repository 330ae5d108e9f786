using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Signal.Api.Auth;
using Signal.Api.Errors;
using Signal.Application.Catalog;
using Signal.Application.Catalog.GetVendor;
using Signal.Application.Catalog.ListVendors;

namespace Signal.Api.Controllers;

/// <summary>The library of vendor integrations this build ships (seed 000).</summary>
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
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ListVendorsResponse> List(
        [FromQuery] string? search,
        [FromQuery] string? category,
        [FromQuery] string? status,
        CancellationToken cancellationToken) =>
        await sender.Send(new ListVendorsQuery(search, category, status), cancellationToken);

    /// <summary>Get a catalog vendor</summary>
    /// <remarks>The vendor with its config fields and variants.</remarks>
    /// <param name="vendor">The vendor key, e.g. meta_capi.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{vendor}")]
    [ProducesResponseType<VendorResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<VendorResponse> Get(string vendor, CancellationToken cancellationToken) =>
        await sender.Send(new GetVendorQuery(vendor), cancellationToken);
}
