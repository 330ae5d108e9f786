using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Signal.Api.Auth;
using Signal.Api.Contracts.Webhooks;
using Signal.Api.Errors;
using Signal.Api.Http;
using Signal.Application.Common.Paging;
using Signal.Application.Webhooks;
using Signal.Application.Webhooks.CreateWebhook;
using Signal.Application.Webhooks.DeleteWebhook;
using Signal.Application.Webhooks.GetWebhook;
using Signal.Application.Webhooks.ListWebhookDeliveries;
using Signal.Application.Webhooks.ListWebhooks;
using Signal.Application.Webhooks.RedeliverWebhook;
using Signal.Application.Webhooks.RotateWebhookSecret;
using Signal.Application.Webhooks.TestWebhook;
using Signal.Application.Webhooks.UpdateWebhook;
using Signal.Domain.Webhooks;

namespace Signal.Api.Controllers;

/// <summary>Signed notifications of configuration changes, as Standard Webhooks defines them (docs/webhooks.md).</summary>
[ApiController]
[Route("v1/admin/webhooks")]
[Authorize(Policy = Policies.Admin)]
public sealed class WebhooksController(ISender sender) : ControllerBase
{
    /// <summary>Subscribe to events</summary>
    /// <remarks>
    /// Every audit event whose action `events` names is POSTed to `url`, signed. The signing secret is in this response
    /// only (and in rotate-secret's): store it.
    /// </remarks>
    /// <param name="request">The address, the events and a description.</param>
    /// <param name="idempotencyKey">Optional, up to 255 characters: a retry with the same key within 24 h gets the first response again instead of a second effect.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost]
    [ProducesResponseType<WebhookWithSecretResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    public async Task<ActionResult<WebhookWithSecretResponse>> Create(
        CreateWebhookRequest request, [FromHeader(Name = RequestHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var created = await sender.Send(new CreateWebhookCommand(
            new WebhookFields(request.Url, request.Events, request.Description, request.Enabled), idempotencyKey), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
    }

    /// <summary>List webhooks</summary>
    /// <remarks>The organisation's subscriptions, newest first; secrets are never shown.</remarks>
    /// <param name="limit">Items per page, 1..100.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet]
    [ProducesResponseType<ListWebhooksResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    public async Task<ListWebhooksResponse> List(
        CancellationToken cancellationToken, [FromQuery] int limit = PagingRules.DefaultLimit, [FromQuery] int offset = 0) =>
        await sender.Send(new ListWebhooksQuery(limit, offset), cancellationToken);

    /// <summary>Get a webhook</summary>
    /// <remarks>The subscription without its secret. ETag for `If-Match` on update.</remarks>
    /// <param name="id">The webhook id (wh_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<WebhookResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<WebhookResponse> Get(string id, CancellationToken cancellationToken) =>
        await sender.Send(new GetWebhookQuery(id), cancellationToken);

    /// <summary>Update a webhook</summary>
    /// <remarks>A partial update. `enabled: true` also enables a subscription the worker disabled, and clears its failure count.</remarks>
    /// <param name="id">The webhook id (wh_…).</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="ifMatch">The ETag the change is based on.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPut("{id}")]
    [ProducesResponseType<WebhookResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<WebhookResponse> Update(
        string id, UpdateWebhookRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateWebhookCommand(id, new WebhookFields(request.Url, request.Events, request.Description, request.Enabled), ifMatch),
            cancellationToken);

    /// <summary>Delete a webhook</summary>
    /// <remarks>Nothing more is queued for it, and what is queued is not sent.</remarks>
    /// <param name="id">The webhook id (wh_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpDelete("{id}")]
    [ProducesResponseType<DeleteWebhookResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<DeleteWebhookResponse> Delete(string id, CancellationToken cancellationToken) =>
        await sender.Send(new DeleteWebhookCommand(id), cancellationToken);

    /// <summary>Rotate a webhook's signing secret</summary>
    /// <remarks>A new secret, shown this once. For 24 hours every event carries two signatures, the new secret's and the old one's, so receivers can switch without losing an event.</remarks>
    /// <param name="id">The webhook id (wh_…).</param>
    /// <param name="idempotencyKey">Optional, up to 255 characters: a retry with the same key within 24 h gets the first response again instead of a second effect.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("{id}/rotate-secret")]
    [ProducesResponseType<WebhookWithSecretResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<WebhookWithSecretResponse> RotateSecret(
        string id, [FromHeader(Name = RequestHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken) =>
        await sender.Send(new RotateWebhookSecretCommand(id, idempotencyKey), cancellationToken);

    /// <summary>Send a test event</summary>
    /// <remarks>Queues a `webhook.test` event for this subscription alone (enabled or not); follow it in the delivery log.</remarks>
    /// <param name="id">The webhook id (wh_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("{id}/test")]
    [ProducesResponseType<WebhookDeliveryResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<ActionResult<WebhookDeliveryResponse>> Test(string id, CancellationToken cancellationToken) =>
        Accepted(await sender.Send(new TestWebhookCommand(id), cancellationToken));

    /// <summary>List a webhook's deliveries</summary>
    /// <remarks>Newest first, cursor-paged, each with every attempt: status code, duration, error and the first 1 KB of the response.</remarks>
    /// <param name="id">The webhook id (wh_…).</param>
    /// <param name="status">Only deliveries that are pending, delivered or failed.</param>
    /// <param name="cursor">The next_cursor of the previous page.</param>
    /// <param name="limit">Items per page, 1..100.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}/deliveries")]
    [ProducesResponseType<ListWebhookDeliveriesResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<ListWebhookDeliveriesResponse> ListDeliveries(
        string id,
        [FromQuery] DeliveryOutcome? status,
        [FromQuery] string? cursor,
        CancellationToken cancellationToken,
        [FromQuery] int limit = PagingRules.DefaultLimit) =>
        await sender.Send(new ListWebhookDeliveriesQuery(id, status, cursor, limit), cancellationToken);

    /// <summary>Redeliver</summary>
    /// <remarks>Sends the delivery again, with the same webhook-id and body, whatever it came to before.</remarks>
    /// <param name="id">The webhook id (wh_…).</param>
    /// <param name="deliveryId">The delivery id (msg_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("{id}/deliveries/{deliveryId}/redeliver")]
    [ProducesResponseType<WebhookDeliveryResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<ActionResult<WebhookDeliveryResponse>> Redeliver(string id, string deliveryId, CancellationToken cancellationToken) =>
        Accepted(await sender.Send(new RedeliverWebhookCommand(id, deliveryId), cancellationToken));
}
