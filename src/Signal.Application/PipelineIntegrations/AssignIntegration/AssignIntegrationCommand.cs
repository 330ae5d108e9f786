using Mediator;
using Signal.Application.Common.Idempotency;

namespace Signal.Application.PipelineIntegrations.AssignIntegration;

/// <summary>Assigns a template to a pipeline, pinned at the given revision or the latest.</summary>
public sealed record AssignIntegrationCommand(
    string PipelineId, string IntegrationId, string? RevisionId, int? RevisionNumber, bool? Enabled, string? IdempotencyKey = null)
    : ICommand<PipelineIntegrationResponse>, IIdempotentCommand;
