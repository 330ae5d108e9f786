using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Domain.Common;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines.CreatePipeline;

public sealed class CreatePipelineHandler(
    IPipelineRepository pipelines,
    ISecretProtector protector,
    ICurrentUser user,
    TimeProvider time) : ICommandHandler<CreatePipelineCommand, CreatedPipelineResponse>
{
    public async ValueTask<CreatedPipelineResponse> Handle(CreatePipelineCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = Ids.New(Pipeline.IdPrefix, now);
        var slug = command.Fields.Slug
            ?? await pipelines.ReserveSlugAsync(user.OrgId, PipelineRules.SlugFrom(command.Fields.Name!), cancellationToken);
        var secret = PipelineSecret.Generate();
        var ciphertext = await protector.ProtectAsync(
            new SecretScope(user.OrgId, id, PipelineSecret.FieldName), secret, cancellationToken);

        var pipeline = Pipeline.Create(id, user.OrgId, slug, command.Fields, ciphertext, PipelineSecret.PrefixOf(secret), now);
        await pipelines.AddAsync(pipeline, cancellationToken);
        return pipeline.ToCreatedResponse(secret);
    }
}
