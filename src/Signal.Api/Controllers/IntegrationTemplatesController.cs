using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Signal.Api.Auth;
using Signal.Api.Contracts.Templates;
using Signal.Api.Errors;
using Signal.Api.Http;
using Signal.Application.Common.Paging;
using Signal.Application.PipelineIntegrations.ListTemplatePipelines;
using Signal.Application.Templates;
using Signal.Application.Templates.CreateRevision;
using Signal.Application.Templates.CreateTemplate;
using Signal.Application.Templates.DeleteTemplate;
using Signal.Application.Templates.DiffRevisions;
using Signal.Application.Templates.GetRevision;
using Signal.Application.Templates.GetTemplate;
using Signal.Application.Templates.ListRevisions;
using Signal.Application.Templates.ListTemplates;
using Signal.Application.Templates.UpdateTemplate;

namespace Signal.Api.Controllers;

/// <summary>Org-level reusable integration definitions and their immutable revisions.</summary>
[ApiController]
[Route("v1/admin/integration-templates")]
[Authorize(Policy = Policies.Viewer)]
public sealed class IntegrationTemplatesController(ISender sender) : ControllerBase
{
    /// <summary>List integration templates</summary>
    /// <remarks>Newest first unless `sort` says otherwise. `search` matches a case-insensitive substring of the name; `vendor` a catalog key.</remarks>
    /// <param name="search">Part of the template name.</param>
    /// <param name="vendor">A catalog vendor key, e.g. ga4.</param>
    /// <param name="sort">Order of the list: created_at:desc (default), created_at:asc, updated_at:desc, updated_at:asc, name:asc or name:desc.</param>
    /// <param name="limit">Items per page, 1..100.</param>
    /// <param name="offset">Items to skip, 0 or more.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet]
    [ProducesResponseType<ListTemplatesResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    public async Task<ListTemplatesResponse> List(
        [FromQuery] string? search,
        [FromQuery] string? vendor,
        CancellationToken cancellationToken,
        [FromQuery] int limit = PagingRules.DefaultLimit,
        [FromQuery] int offset = 0,
        [FromQuery] string? sort = null) =>
        await sender.Send(new ListTemplatesQuery(search, vendor, sort, limit, offset), cancellationToken);

    /// <summary>Create an integration template</summary>
    /// <remarks>A template without revisions. To start from pre-filled configuration, install from the catalog instead.</remarks>
    /// <param name="request">Name, vendor and description.</param>
    /// <param name="idempotencyKey">Optional, up to 255 characters: a retry with the same key within 24 h gets the first response again instead of a second effect.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<TemplateResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public async Task<ActionResult<TemplateResponse>> Create(
        CreateTemplateRequest request, [FromHeader(Name = RequestHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var template = await sender.Send(new CreateTemplateCommand(request.Name, request.Vendor, request.Description, idempotencyKey), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = template.Id }, template);
    }

    /// <summary>Get an integration template</summary>
    /// <remarks>By id (tmpl_…) or slug: the template with its latest revision's number. ETag for conditional GETs.</remarks>
    /// <param name="id">The template id (tmpl_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<TemplateResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<TemplateResponse> Get(string id, CancellationToken cancellationToken) =>
        await sender.Send(new GetTemplateQuery(id), cancellationToken);

    /// <summary>Update an integration template</summary>
    /// <remarks>Only `name` and `description` can change. Send the ETag of your last GET in `If-Match` to refuse a lost update (412).</remarks>
    /// <param name="id">The template id (tmpl_…).</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="ifMatch">The ETag the change is based on.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPut("{id}")]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<TemplateResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<TemplateResponse> Update(
        string id, UpdateTemplateRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateTemplateCommand(id, request.Name, request.Description, ifMatch), cancellationToken);

    /// <summary>Delete an integration template</summary>
    /// <remarks>
    /// Soft delete: the template answers 404 afterwards and its name is free again. Refused with 409 `template_in_use`
    /// (listing the `pipelines`) while any live pipeline has it assigned. Send the ETag of your last GET in `If-Match`
    /// to delete only what you saw (412 when it changed meanwhile).
    /// </remarks>
    /// <param name="id">The template id (tmpl_…).</param>
    /// <param name="ifMatch">The ETag the delete is based on.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpDelete("{id}")]
    [Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<DeleteTemplateResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<DeleteTemplateResponse> Delete(string id, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken) =>
        await sender.Send(new DeleteTemplateCommand(id, ifMatch), cancellationToken);

    /// <summary>List the pipelines using a template</summary>
    /// <remarks>Every live pipeline the template is assigned to, at which revision, and whether the assignment is enabled.</remarks>
    /// <param name="id">The template id (tmpl_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}/pipelines")]
    [ProducesResponseType<ListTemplatePipelinesResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<ListTemplatePipelinesResponse> ListPipelines(string id, CancellationToken cancellationToken) =>
        await sender.Send(new ListTemplatePipelinesQuery(id), cancellationToken);

    /// <summary>List revisions</summary>
    /// <remarks>Newest first. Secret values are masked.</remarks>
    /// <param name="id">The template id (tmpl_…).</param>
    /// <param name="limit">Items per page, 1..100.</param>
    /// <param name="offset">Items to skip, 0 or more.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}/revisions")]
    [ProducesResponseType<ListRevisionsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<ListRevisionsResponse> ListRevisions(
        string id,
        CancellationToken cancellationToken,
        [FromQuery] int limit = PagingRules.DefaultLimit,
        [FromQuery] int offset = 0) =>
        await sender.Send(new ListRevisionsQuery(id, limit, offset), cancellationToken);

    /// <summary>Create a revision</summary>
    /// <remarks>
    /// A new immutable revision with the next number. The config is validated against the vendor's fields
    /// (`{{pipeline_param.KEY}}` references are allowed). Pipelines keep their pinned revision until deployed.
    /// </remarks>
    /// <param name="id">The template id (tmpl_…).</param>
    /// <param name="request">Config, delivery mode and change summary.</param>
    /// <param name="idempotencyKey">Optional, up to 255 characters: a retry with the same key within 24 h gets the first response again instead of a second effect.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("{id}/revisions")]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<RevisionResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<ActionResult<RevisionResponse>> CreateRevision(
        string id, CreateRevisionRequest request, [FromHeader(Name = RequestHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var revision = await sender.Send(
            new CreateRevisionCommand(id, request.Config, request.DeliveryMode, request.ChangeSummary, idempotencyKey), cancellationToken);
        return CreatedAtAction(nameof(GetRevision), new { id, rev = revision.RevisionNumber }, revision);
    }

    /// <summary>Get a revision</summary>
    /// <remarks>One immutable revision of the template by number, its config with secrets masked. ETag for conditional GETs.</remarks>
    /// <param name="id">The template id (tmpl_…).</param>
    /// <param name="rev">A revision number (3) or id (rev_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}/revisions/{rev}")]
    [ProducesResponseType<RevisionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<RevisionResponse> GetRevision(string id, string rev, CancellationToken cancellationToken) =>
        await sender.Send(new GetRevisionQuery(id, rev), cancellationToken);

    /// <summary>Diff two revisions</summary>
    /// <remarks>
    /// What changed from `against` (by default the revision before `rev`) to `rev`: each differing leaf of `config`
    /// (nested objects walked key by key, arrays compared whole) and `delivery_mode`, as `added`, `removed` or
    /// `changed` with the old and new value, ordered by path. Secrets are compared in plaintext and shown masked; a
    /// secret that was kept is no change. For revision 1 without `against`, `from` is null and every field is added.
    /// </remarks>
    /// <param name="id">The template id (tmpl_…).</param>
    /// <param name="rev">The revision to compare: a number (3) or id (rev_…).</param>
    /// <param name="against">The revision to compare it with (number or id); defaults to the one before `rev`.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}/revisions/{rev}/diff")]
    [ProducesResponseType<RevisionDiffResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<RevisionDiffResponse> DiffRevisions(string id, string rev, [FromQuery] string? against, CancellationToken cancellationToken) =>
        await sender.Send(new DiffRevisionsQuery(id, rev, against), cancellationToken);
}
