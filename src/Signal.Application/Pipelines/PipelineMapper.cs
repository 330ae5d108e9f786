using Riok.Mapperly.Abstractions;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines;

[Mapper]
public static partial class PipelineMapper
{
    [MapProperty(nameof(Pipeline.SecretPrefix), nameof(PipelineResponse.PipelineKeySecretPrefix))]
    [MapperIgnoreSource(nameof(Pipeline.SecretCiphertext))]
    [MapperIgnoreSource(nameof(Pipeline.DeletedAt))]
    public static partial PipelineResponse ToResponse(this Pipeline pipeline);

    /// <summary>The create response, carrying the plaintext secret that only the caller of create sees.</summary>
    [MapProperty(nameof(Pipeline.SecretPrefix), nameof(CreatedPipelineResponse.PipelineKeySecretPrefix))]
    [MapperIgnoreSource(nameof(Pipeline.SecretCiphertext))]
    [MapperIgnoreSource(nameof(Pipeline.DeletedAt))]
    public static partial CreatedPipelineResponse ToCreatedResponse(this Pipeline pipeline, string pipelineKeySecret);
}
