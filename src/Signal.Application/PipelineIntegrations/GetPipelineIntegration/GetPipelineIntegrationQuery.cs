using Mediator;

namespace Signal.Application.PipelineIntegrations.GetPipelineIntegration;

public sealed record GetPipelineIntegrationQuery(string PipelineId, string Id) : IQuery<PipelineIntegrationResponse>;
