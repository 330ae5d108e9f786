using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Common.Parameters;
using Signal.Application.PipelineIntegrations;
using Signal.Application.Pipelines;
using Signal.Domain.Rollouts;

namespace Signal.Application.Rollouts.CreateRollout;

/// <remarks>
/// One round trip reads the template, the revision and the candidates (locked unless it is a dry run), one more writes
/// the rollout, its waves and targets, wave 1's new revisions and every audit event.
/// </remarks>
public sealed class CreateRolloutHandler(IRolloutRepository rollouts, RevisionConfigResolver resolver, ICurrentUser user, TimeProvider time)
    : ICommandHandler<CreateRolloutCommand, CreateRolloutResult>
{
    public async ValueTask<CreateRolloutResult> Handle(CreateRolloutCommand command, CancellationToken cancellationToken)
    {
        var selector = new RolloutSelector(
            [.. (command.Selector!.Labels ?? []).Select(l => l!).Distinct(StringComparer.Ordinal)],
            [.. (command.Selector.PipelineIds ?? []).Select(id => id!).Distinct(StringComparer.Ordinal)]);
        var wanted = command.RevisionId is null && command.RevisionNumber is null ? null : new WantedRevision(command.RevisionId, command.RevisionNumber);
        var found = await rollouts.FindCandidatesAsync(user.OrgId, command.IntegrationId!, wanted, selector, lockTargets: !command.DryRun, cancellationToken);
        if (found.Template is null)
        {
            throw new NotFoundException("Integration template", command.IntegrationId!);
        }

        var revision = RevisionChoice.Require(found.Revision, command.IntegrationId!, command.RevisionId, command.RevisionNumber);
        var gate = command.HealthGate is { } g ? new HealthGate(g.MaxFailureRate!.Value, g.MinEvents!.Value) : null;
        var plan = new RolloutPlan(user.OrgId, found.Template.Name, revision, selector, CreateRolloutValidator.Percents(command.Waves),
            command.BakeMinutes ?? RolloutRules.DefaultBakeMinutes, gate, found.Candidates.Select(c => c.Candidate));

        var config = await resolver.DecryptAsync(user.OrgId, revision.Id, found.Template.Vendor, found.SealedConfig!, cancellationToken);
        var parameters = found.Candidates.ToDictionary(c => c.PipelineIntegration.Id, c => c.Parameters, StringComparer.Ordinal);
        var unresolved = plan.Targets.ToDictionary(t => t.PipelineIntegrationId,
            t => ParameterResolver.Resolve(config, parameters[t.PipelineIntegrationId]).Unresolved, StringComparer.Ordinal);
        if (command.DryRun)
        {
            return new CreateRolloutResult(RolloutPlanResponse.Of(plan, unresolved), null);
        }

        var missing = plan.Targets.Where(t => unresolved[t.PipelineIntegrationId].Count > 0).ToList();
        if (missing.Count > 0 && !command.AllowUnresolved)
        {
            throw new ConflictException("unresolved_parameters",
                $"{missing.Count} of the targeted pipelines do not define parameters revision {revision.RevisionNumber} references; " +
                "define them, narrow the selector, or send allow_unresolved: true to roll out anyway.",
                new Dictionary<string, object>
                {
                    ["pipelines"] = missing.Select(t => new UnresolvedPipeline(t.PipelineId, t.PipelineName, unresolved[t.PipelineIntegrationId])).ToList(),
                });
        }

        var live = found.Candidates.ToDictionary(c => c.PipelineIntegration.Id, c => c.PipelineIntegration, StringComparer.Ordinal);
        var rollout = Rollout.Start(plan, live, user.UserId, time.GetUtcNow());
        await rollouts.AddAsync(rollout, [.. plan.Targets.Select(t => live[t.PipelineIntegrationId])], cancellationToken);
        return new CreateRolloutResult(null, RolloutResponse.Of(rollout, []));
    }
}

/// <summary>A pipeline that would run with <c>{{pipeline_param.KEY}}</c> left as text: which keys it lacks.</summary>
public sealed record UnresolvedPipeline(string PipelineId, string PipelineName, IReadOnlyList<string> UnresolvedParameters);
