using Riok.Mapperly.Abstractions;
using Signal.Application.Pipelines.CreatePipeline;
using Signal.Application.Pipelines.UpdatePipeline;

namespace Signal.Api.Contracts.Pipelines;

[Mapper]
public static partial class PipelineRequestMapper
{
    public static partial CreatePipelineCommand ToCommand(this CreatePipelineRequest request, string? idempotencyKey);

    public static partial UpdatePipelineCommand ToCommand(this UpdatePipelineRequest request, string id, string? ifMatch);
}
