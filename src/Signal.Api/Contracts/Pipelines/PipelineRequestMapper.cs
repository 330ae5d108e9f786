using Riok.Mapperly.Abstractions;
using Signal.Domain.Pipelines;

namespace Signal.Api.Contracts.Pipelines;

/// <summary>Request bodies to the one shape a pipeline's fields travel in to the domain.</summary>
[Mapper]
public static partial class PipelineRequestMapper
{
    public static partial PipelineFields ToFields(this CreatePipelineRequest request);

    public static partial PipelineFields ToFields(this UpdatePipelineRequest request);
}
