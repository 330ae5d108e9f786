using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Pipelines.IssueChallengeToken;

public sealed class IssueChallengeTokenHandler(
    IPipelineRepository pipelines,
    ISecretProtector protector,
    ICurrentUser user,
    ChallengeTokenSettings settings,
    TimeProvider time) : ICommandHandler<IssueChallengeTokenCommand, ChallengeTokenResponse>
{
    public async ValueTask<ChallengeTokenResponse> Handle(IssueChallengeTokenCommand command, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.FindForUpdateAsync(user.OrgId, command.PipelineId, cancellationToken)
            ?? throw new NotFoundException("Pipeline", command.PipelineId);

        if (!pipeline.ChallengeTokenRequired)
        {
            throw new ConflictException("challenge_tokens_not_required",
                "This pipeline does not require challenge tokens; set challenge_token_required to true first.");
        }

        var secret = await protector.UnprotectAsync(
            new SecretScope(user.OrgId, pipeline.Id, PipelineSecret.FieldName), pipeline.SecretCiphertext, cancellationToken);
        var now = time.GetUtcNow();
        var expiresAt = now.Add(settings.Lifetime);
        pipeline.RecordChallengeTokenIssued(now);
        return new ChallengeTokenResponse(ChallengeTokens.Issue(pipeline.Id, secret, expiresAt), expiresAt);
    }
}
