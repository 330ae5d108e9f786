using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Pipelines.RotateSecret;

public sealed class RotateSecretHandler(IPipelineRepository pipelines, ISecretProtector protector, ICurrentUser user, TimeProvider time)
    : ICommandHandler<RotateSecretCommand, RotateSecretResponse>
{
    public async ValueTask<RotateSecretResponse> Handle(RotateSecretCommand command, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.FindForUpdateAsync(user.OrgId, command.Id, cancellationToken)
            ?? throw new NotFoundException("Pipeline", command.Id);
        var secret = PipelineSecret.Generate();
        var ciphertext = await protector.ProtectAsync(
            new SecretScope(user.OrgId, pipeline.Id, PipelineSecret.FieldName), secret, cancellationToken);
        pipeline.RotateSecret(ciphertext, PipelineSecret.PrefixOf(secret), time.GetUtcNow());
        await pipelines.SaveAsync(pipeline, cancellationToken);
        return new RotateSecretResponse(pipeline.PipelineKey, secret, pipeline.SecretPrefix);
    }
}
