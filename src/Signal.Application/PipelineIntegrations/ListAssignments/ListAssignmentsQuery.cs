using Mediator;

namespace Signal.Application.PipelineIntegrations.ListAssignments;

public sealed record ListAssignmentsQuery(string PipelineId) : IQuery<ListAssignmentsResponse>;
