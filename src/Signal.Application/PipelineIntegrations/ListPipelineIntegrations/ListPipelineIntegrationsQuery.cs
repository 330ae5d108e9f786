using Mediator;

namespace Signal.Application.PipelineIntegrations.ListPipelineIntegrations;

public sealed record ListPipelineIntegrationsQuery(string PipelineId) : IQuery<ListAssignmentsResponse>;
