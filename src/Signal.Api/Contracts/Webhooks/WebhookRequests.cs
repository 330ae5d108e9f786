namespace Signal.Api.Contracts.Webhooks;

/// <summary>Body of <c>POST /v1/admin/webhooks</c>.</summary>
/// <param name="Url">Where events are POSTed: an absolute https URL without credentials, at most 2048 characters.</param>
/// <param name="Events">The actions to receive, each an action (rollout.rolled_back) or a resource's actions (pipeline.*).</param>
/// <param name="Description">What the receiver is, for people.</param>
/// <param name="Enabled">Whether events are queued for it (default true).</param>
public sealed record CreateWebhookRequest(string Url, IReadOnlyList<string> Events, string? Description = null, bool? Enabled = null);

/// <summary>Body of <c>PUT /v1/admin/webhooks/{id}</c>: every field that is set replaces the current one.</summary>
/// <param name="Url">Where events are POSTed: an absolute https URL without credentials, at most 2048 characters.</param>
/// <param name="Events">The actions to receive, each an action (rollout.rolled_back) or a resource's actions (pipeline.*).</param>
/// <param name="Description">What the receiver is, for people.</param>
/// <param name="Enabled">true enables it again (after the worker disabled it, too) and clears its failure count; false stops queuing.</param>
public sealed record UpdateWebhookRequest(string? Url = null, IReadOnlyList<string>? Events = null, string? Description = null, bool? Enabled = null);
