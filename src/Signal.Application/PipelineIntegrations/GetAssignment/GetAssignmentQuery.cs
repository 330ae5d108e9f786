using Mediator;

namespace Signal.Application.PipelineIntegrations.GetAssignment;

public sealed record GetAssignmentQuery(string PipelineId, string Id) : IQuery<PipelineIntegrationResponse>;
