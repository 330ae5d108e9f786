using Signal.Application.Delivery;
using Signal.Domain.PipelineIntegrations;
using Signal.Domain.Templates;

namespace Signal.Application.PipelineIntegrations;

/// <summary>Loads and saves pipeline integrations inside the command's transaction.</summary>
public interface IPipelineIntegrationRepository
{
    /// <summary>
    /// The live pipeline integration of that pipeline of the org, its row locked until the transaction ends, with what its
    /// representation needs besides the aggregate and, when <paramref name="wanted"/> names one, that revision of its
    /// template — all in one round trip.
    /// </summary>
    Task<PipelineIntegrationForChange?> FindForUpdateAsync(string orgId, string pipelineId, string id, WantedRevision? wanted, CancellationToken cancellationToken);

    /// <summary>
    /// What a new pipeline integration refers to, in one round trip: whether the org's pipeline is live (key-share locked, so it
    /// cannot be deleted meanwhile), the template (share locked, likewise) and the wanted revision of it — or, when
    /// none is wanted, its latest.
    /// </summary>
    Task<PipelineIntegrationTargets> FindTargetsAsync(string orgId, string pipelineId, string templateId, WantedRevision? wanted, CancellationToken cancellationToken);

    /// <summary>Inserts a pipeline integration; throws an <c>already_assigned</c> conflict when the pipeline has that template already.</summary>
    Task AddAsync(PipelineIntegration pipelineIntegration, CancellationToken cancellationToken);

    Task SaveAsync(PipelineIntegration pipelineIntegration, CancellationToken cancellationToken);
}

/// <summary>A revision asked for by id or by number.</summary>
public sealed record WantedRevision(string? Id, int? Number);

/// <summary>The pipeline, template and revision a new pipeline integration refers to; null or false where they do not exist.</summary>
public sealed record PipelineIntegrationTargets(bool PipelineFound, Template? Template, RevisionRef? Revision);

/// <summary>
/// A pipeline integration locked for a change: the aggregate, its template's facts, the revision it is pinned at and its
/// status (what its representation shows), and the wanted revision — null when none was asked for or the template has
/// none such.
/// </summary>
public sealed record PipelineIntegrationForChange(
    PipelineIntegration PipelineIntegration, TemplateFacts Template, RevisionRef Pinned, ObservedDelivery Observed, RevisionRef? Wanted);
