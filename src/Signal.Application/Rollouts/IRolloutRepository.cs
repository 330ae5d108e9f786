using System.Text.Json.Nodes;
using Signal.Application.PipelineIntegrations;
using Signal.Domain.PipelineIntegrations;
using Signal.Domain.Rollouts;
using Signal.Domain.Templates;

namespace Signal.Application.Rollouts;

/// <summary>Loads and saves rollouts, and the pipeline integrations they change, inside the command's transaction.</summary>
public interface IRolloutRepository
{
    /// <summary>
    /// In one round trip: the org's template, the wanted revision of it (the latest when none is named), and every live
    /// pipeline integration of the template on a live pipeline the selector matches, by id — row-locked when
    /// <paramref name="lockTargets"/> (a rollout is about to change them), with its pipeline's name and parameters.
    /// </summary>
    Task<RolloutCandidates> FindCandidatesAsync(
        string orgId, string templateId, WantedRevision? wanted, RolloutSelector selector, bool lockTargets, CancellationToken cancellationToken);

    /// <summary>Inserts a new rollout and saves the pipeline integrations it changed and took.</summary>
    Task AddAsync(Rollout rollout, IReadOnlyCollection<PipelineIntegration> pipelineIntegrations, CancellationToken cancellationToken);

    /// <summary>
    /// The first running rollout of any organisation with an id after <paramref name="after"/> that no other worker holds,
    /// row-locked until the transaction ends (<c>FOR UPDATE SKIP LOCKED</c>); null when there is none.
    /// </summary>
    Task<ClaimedRollout?> ClaimNextRunningAsync(string after, CancellationToken cancellationToken);

    /// <summary>
    /// The org's rollout, row-locked, with what was reported for its deployed pipelines since their deploy — and, when
    /// <paramref name="lockDeployed"/> (it is about to be rolled back), its deployed pipeline integrations, locked: one
    /// round trip.
    /// </summary>
    Task<RolloutForChange?> FindForChangeAsync(string orgId, string id, bool lockDeployed, CancellationToken cancellationToken);

    /// <summary>The live pipeline integrations among <paramref name="ids"/>, row-locked in id order.</summary>
    Task<IReadOnlyDictionary<string, PipelineIntegration>> LockPipelineIntegrationsAsync(
        string orgId, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a changed rollout and the pipeline integrations it changed; once it has ended, its pipeline integrations
    /// are free again.
    /// </summary>
    Task SaveAsync(Rollout rollout, IReadOnlyCollection<PipelineIntegration> pipelineIntegrations, CancellationToken cancellationToken);
}

/// <summary>What a new rollout refers to; <see cref="Template"/> and <see cref="Revision"/> null where they do not exist.</summary>
public sealed record RolloutCandidates(
    RolloutTemplate? Template, RevisionRef? Revision, JsonObject? SealedConfig, IReadOnlyList<RolloutCandidateFacts> Candidates);

/// <summary>The template's name and vendor (whose catalog entry says which config values are sealed).</summary>
public sealed record RolloutTemplate(string Name, string Vendor);

/// <summary>A candidate pipeline with its parameters (to find unresolved references) and its pipeline integration.</summary>
public sealed record RolloutCandidateFacts(
    RolloutCandidate Candidate, IReadOnlyDictionary<string, string> Parameters, PipelineIntegration PipelineIntegration);

public sealed record ClaimedRollout(string Id, string OrgId);

/// <summary>
/// A rollout locked for a change, what was reported for its deployed pipelines (<see cref="TargetDelivery"/>), and the
/// deployed pipeline integrations when they were asked for (empty otherwise).
/// </summary>
public sealed record RolloutForChange(
    Rollout Rollout, IReadOnlyList<TargetDelivery> Deliveries, IReadOnlyDictionary<string, PipelineIntegration> Deployed);
